using Bellwether.Core.Clients;

namespace Bellwether.Core.Tests.Clients;

public sealed class LogisticModelTests
{
    // One yes/no feature: without it 1 event in 4 rows, with it 3 in 4. Unpenalised, the fit reproduces each group's
    // rate exactly: p = 1/4 and 3/4. The feature's mean is 1/2 and its standard deviation 1/2, so a row with it sits one
    // standard deviation above the mean: its contribution is the coefficient, ln(3/4 ÷ 1/4) − ln(1/2 ÷ 1/2) = ln 3,
    // and the average row's log-odds (the intercept) is ln(1/4 ÷ 3/4) + ln 3 = 0.
    private static readonly double[][] Rows = [[0], [0], [0], [0], [1], [1], [1], [1]];
    private static readonly bool[] Outcomes = [true, false, false, false, true, true, true, false];

    [Fact]
    public void Fit_ReproducesEachGroupsRate_WhenUnpenalised()
    {
        var model = LogisticModel.Fit(Rows, Outcomes, penalty: 0);

        Assert.Equal(0.25, model.Probability([0]), 6);
        Assert.Equal(0.75, model.Probability([1]), 6);
        Assert.Equal(0, model.Intercept, 6);
        Assert.Equal(Math.Log(3), model.Contributions([1])[0], 6);
        Assert.Equal(-Math.Log(3), model.Contributions([0])[0], 6);
    }

    [Fact]
    public void Penalty_ShrinksTheCoefficientTowardZero()
    {
        var loose = LogisticModel.Fit(Rows, Outcomes, penalty: 0);
        var tight = LogisticModel.Fit(Rows, Outcomes, penalty: 1);

        Assert.InRange(tight.Coefficients[0], 0.01, loose.Coefficients[0] - 0.01);
    }

    [Fact]
    public void AMissingValue_ContributesNothing_AndStandsForTheAverageRow()
    {
        var model = LogisticModel.Fit(Rows, Outcomes, penalty: 0);

        Assert.Equal(0, model.Contributions([double.NaN])[0]);
        Assert.Equal(0.5, model.Probability([double.NaN]), 6); // the intercept, 0
    }

    [Fact]
    public void AFeatureThatSeparatesTheOutcomes_StillGivesAFiniteModelThatRanksRight()
    {
        double[][] rows = [[0], [0], [0], [0], [0], [1], [1], [1]];
        bool[] outcomes = [false, false, false, false, false, true, true, true];

        var model = LogisticModel.Fit(rows, outcomes, penalty: 0.01);

        Assert.True(double.IsFinite(model.Coefficients[0]));
        Assert.InRange(model.Probability([1]), 0.9, 1);
        Assert.InRange(model.Probability([0]), 0, 0.1);
    }
}
