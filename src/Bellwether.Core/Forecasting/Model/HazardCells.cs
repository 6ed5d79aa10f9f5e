using Bellwether.Core.Pipeline;

namespace Bellwether.Core.Forecasting.Model;

/// <summary>
/// The training data of the hazard model: every day each deal spent open inside the training window, before t,
/// grouped into cells of equal covariates (profile, stage, age band, quarter phase, close-date proximity, calendar
/// month), with the days of exposure and the events (won, lost, moved to another stage) that ended a day. A deal still
/// open at t contributes its days without an event: censoring is handled by construction.
/// </summary>
internal sealed class HazardCells
{
    public const int Won = 0;
    public const int Lost = 1;
    public const int Move = 2;
    public const int Events = 3;

    /// <summary>Months back from t's month kept apart for the shock estimate (older months share the last index).</summary>
    public const int Months = 24;

    private readonly Dictionary<long, int> _index = [];
    private readonly Dictionary<string, int> _profileIndex = new(StringComparer.Ordinal);

    public HazardCells(DealFacts facts, Covariates covariates, int day0, int trainingDays, double[] sizeEdges)
    {
        var firstDay = day0 - trainingDays;
        var t0 = DateOnly.FromDayNumber(day0);
        var monthOf0 = (t0.Year * 12) + t0.Month;
        StageCount = facts.Stages.Count;
        for (var m = 0; m < Months; m++)
        {
            // The middle of the month's days inside the window, in years from t (negative).
            var monthStart = new DateOnly(t0.Year, t0.Month, 1).AddMonths(-m);
            var from = Math.Max(monthStart.DayNumber, firstDay);
            var to = Math.Min(monthStart.AddMonths(1).DayNumber, day0);
            MonthYears[m] = to > from ? (((from + to) / 2.0) - day0) / 365.25 : -(m + 0.5) / 12;
        }

        Moves = new double[StageCount * StageCount];
        EntryStage = new double[3 * StageCount];
        for (var i = 0; i < facts.RealCount; i++)
        {
            var closed = !facts.IsOpen(i);
            var last = closed ? facts.ClosedDay[i] : day0 - 1;
            if (last < firstDay)
            {
                continue;
            }

            var profile = Profile(DealProfile.Of(facts, i, sizeEdges));
            var rowStart = facts.HistStart[i];
            var rowEnd = rowStart + facts.HistCount[i];
            var created = facts.CreatedDay[i];
            var stage = facts.HistCount[i] == 0 && !closed ? facts.Stage[i] : facts.FallbackStage;
            var expected = DealFacts.NoDay;
            var r = rowStart;
            for (; r < rowEnd && facts.History[r].Day <= created && facts.History[r].Status == OpportunityStatus.Open; r++)
            {
                stage = facts.History[r].Stage;
                expected = facts.History[r].Expected;
            }

            var type = facts.Column(Slicing.Dimension.Type)[i];
            if (created >= firstDay && type < 3)
            {
                EntryStage[(type * StageCount) + stage]++;
            }

            for (var d = created; d <= last; d++)
            {
                var evt = -1;
                var next = stage;
                var nextExpected = expected;
                if (closed && d == facts.ClosedDay[i])
                {
                    evt = facts.Status[i] == OpportunityStatus.Won ? Won : Lost;
                }

                for (; r < rowEnd && facts.History[r].Day <= d; r++)
                {
                    var row = facts.History[r];
                    if (row.Status == OpportunityStatus.Open)
                    {
                        next = row.Stage;
                        nextExpected = row.Expected;
                    }
                }

                if (evt < 0 && next != stage)
                {
                    evt = Move;
                }

                if (d >= firstDay)
                {
                    var date = DateOnly.FromDayNumber(d);
                    var month = Math.Min(Months - 1, monthOf0 - ((date.Year * 12) + date.Month));
                    var cell = Cell(profile, stage, Covariates.AgeBucket(d - created), covariates.Phase(d), Covariates.Proximity(expected, d), month);
                    Exposure[cell]++;
                    if (evt >= 0)
                    {
                        Observed[evt][cell]++;
                        if (evt == Move)
                        {
                            Moves[(stage * StageCount) + next]++;
                        }
                    }
                }

                stage = next;
                expected = nextExpected;
            }
        }
    }

    public int StageCount { get; }

    /// <summary>Distinct profiles, each its level of every <see cref="DealProfile"/> factor.</summary>
    public List<int[]> Profiles { get; } = [];

    /// <summary>Training days per profile (for exposure-weighted averages of a factor).</summary>
    public int CellCount => CellProfile.Count;

    public List<int> CellProfile { get; } = [];

    public List<int> CellStage { get; } = [];

    public List<int> CellAge { get; } = [];

    public List<int> CellPhase { get; } = [];

    public List<int> CellProximity { get; } = [];

    public List<int> CellMonth { get; } = [];

    /// <summary>Per month index, when its days were, in years from t (negative): the time a drift is read against.</summary>
    public double[] MonthYears { get; } = new double[Months];

    public List<double> Exposure { get; } = [];

    public List<double>[] Observed { get; } = [[], [], []];

    /// <summary>Stage moves seen, from × StageCount + to.</summary>
    public double[] Moves { get; }

    /// <summary>The stage deals created in the window started in, by type code (0–2) × StageCount + stage.</summary>
    public double[] EntryStage { get; }

    private int Profile(int[] levels)
    {
        var key = string.Join(',', levels);
        if (!_profileIndex.TryGetValue(key, out var id))
        {
            id = Profiles.Count;
            _profileIndex[key] = id;
            Profiles.Add(levels);
        }

        return id;
    }

    private int Cell(int profile, int stage, int age, int phase, int proximity, int month)
    {
        var key = ((((((((((long)profile * 4096) + stage) * 16) + age) * Covariates.Phases) + phase) * 8) + proximity) * 32) + month;
        if (!_index.TryGetValue(key, out var cell))
        {
            cell = CellProfile.Count;
            _index[key] = cell;
            CellProfile.Add(profile);
            CellStage.Add(stage);
            CellAge.Add(age);
            CellPhase.Add(phase);
            CellProximity.Add(proximity);
            CellMonth.Add(month);
            Exposure.Add(0);
            foreach (var list in Observed)
            {
                list.Add(0);
            }
        }

        return cell;
    }
}
