using Bellwether.Core.Activities;
using Bellwether.Core.Slicing;

namespace Bellwether.Core.Indicators.Engine;

/// <summary>
/// Activity counts per rep, UTC day and type, sorted by day. Every slice an activity carries follows from its rep and
/// type, so slicing works on the small table of (rep, type) keys (<see cref="Keys"/>), key = rep × types + type.
/// </summary>
internal sealed class ActivityTable
{
    public static readonly int TypeCount = Enum.GetValues<ActivityType>().Length;

    public ActivityTable(IReadOnlyList<ActivityDay> days, Codebook book)
    {
        Count = days.Count;
        var day = new int[Count];
        var rep = new int[Count];
        var type = new int[Count];
        var count = new int[Count];
        string? lastRep = null;
        var lastCode = -1;
        for (var i = 0; i < Count; i++)
        {
            var d = days[i];
            if (!ReferenceEquals(d.RepId, lastRep))
            {
                lastRep = d.RepId;
                lastCode = book.Code(Dimension.Rep, lastRep);
            }

            day[i] = d.Day.DayNumber;
            rep[i] = lastCode;
            type[i] = (int)d.Type;
            count[i] = d.Count;
        }

        var order = Order.By(day);
        Day = day;
        Rep = Order.Gather(rep, order);
        Type = Order.Gather(type, order);
        Activities = Order.Gather(count, order);
        Keys = new CodeColumns(0, "activities");
    }

    public int Count { get; }

    /// <summary>The UTC day as DateOnly.DayNumber, ascending.</summary>
    public int[] Day { get; }

    public int[] Rep { get; }

    public int[] Type { get; }

    public int[] Activities { get; }

    /// <summary>Codes of every (rep, type) key; set by <see cref="Attach"/>.</summary>
    public CodeColumns Keys { get; private set; }

    public static int Key(int rep, int type) => (rep * TypeCount) + type;

    public void Attach(RepTable reps)
    {
        var keyCount = reps.Count * TypeCount;
        Keys = new CodeColumns(keyCount, "activities");
        var rep = new int[keyCount];
        var type = new int[keyCount];
        for (var k = 0; k < keyCount; k++)
        {
            rep[k] = k / TypeCount;
            type[k] = k % TypeCount;
        }

        reps.Attach(Keys, rep);
        Keys[Dimension.ActivityType] = type;
    }
}
