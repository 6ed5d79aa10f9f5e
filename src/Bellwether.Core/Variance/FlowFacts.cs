namespace Bellwether.Core.Variance;

/// <summary>
/// One slice's deal flow over a window: the deals open at its start and those created in it (the two origins), how
/// many of each closed in the window, how many of those were won, and what they booked. Bookings of each origin =
/// pool × (closed / pool) × (won / closed) × (booked / won), the identity the new-business drivers split.
/// </summary>
internal sealed class FlowFacts
{
    public decimal StartPool { get; set; }

    public decimal NewPool { get; set; }

    public decimal StartClosed { get; set; }

    public decimal NewClosed { get; set; }

    public decimal StartWon { get; set; }

    public decimal NewWon { get; set; }

    public decimal StartBooked { get; set; }

    public decimal NewBooked { get; set; }

    /// <summary>Open deals at the start whose expected close date then fell inside the period and that did not close in it.</summary>
    public decimal Slipped { get; set; }

    public decimal SlippedAmount { get; set; }

    /// <summary>Σ days from creation to close over the won deals, for the mean cycle.</summary>
    public decimal WonCycleDays { get; set; }

    /// <summary>Bookings after a cut instant (the rest of an unfinished period) from deals created before it.</summary>
    public decimal RestFromOpen { get; set; }

    /// <summary>Bookings after the cut from deals created at or after it.</summary>
    public decimal RestFromNew { get; set; }

    public decimal Booked => StartBooked + NewBooked;

    public decimal Won => StartWon + NewWon;

    public decimal Closed => StartClosed + NewClosed;

    public decimal Rest => RestFromOpen + RestFromNew;

    public void Add(FlowFacts other, decimal weight = 1)
    {
        StartPool += weight * other.StartPool;
        NewPool += weight * other.NewPool;
        StartClosed += weight * other.StartClosed;
        NewClosed += weight * other.NewClosed;
        StartWon += weight * other.StartWon;
        NewWon += weight * other.NewWon;
        StartBooked += weight * other.StartBooked;
        NewBooked += weight * other.NewBooked;
        Slipped += weight * other.Slipped;
        SlippedAmount += weight * other.SlippedAmount;
        WonCycleDays += weight * other.WonCycleDays;
        RestFromOpen += weight * other.RestFromOpen;
        RestFromNew += weight * other.RestFromNew;
    }

    /// <summary>The plan's implied flow: pools (and what the rest of the period books) scaled, ratios kept.</summary>
    public FlowFacts ScaledVolume(decimal k) => new()
    {
        StartPool = StartPool * k,
        NewPool = NewPool * k,
        StartClosed = StartClosed * k,
        NewClosed = NewClosed * k,
        StartWon = StartWon * k,
        NewWon = NewWon * k,
        StartBooked = StartBooked * k,
        NewBooked = NewBooked * k,
        Slipped = Slipped * k,
        SlippedAmount = SlippedAmount * k,
        WonCycleDays = WonCycleDays * k,
        RestFromOpen = RestFromOpen * k,
        RestFromNew = RestFromNew * k,
    };
}
