namespace Bellwether.Core.Forecasting.Model;

/// <summary>What an operating-expense category is forecast to follow.</summary>
internal enum ExpenseDriver
{
    /// <summary>A fixed monthly part plus a share of the month's revenue.</summary>
    Revenue,

    /// <summary>A share of the month's bookings of each deal type (commissions).</summary>
    Bookings,

    /// <summary>A cost per rep-month times the sales headcount known at the forecast's instant.</summary>
    Headcount,
}
