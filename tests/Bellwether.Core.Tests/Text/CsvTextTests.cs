using Bellwether.Core.Text;

namespace Bellwether.Core.Tests.Text;

public sealed class CsvTextTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("-5", "-5")]
    [InlineData("+1.5", "+1.5")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\tindent", "'\tindent")]
    [InlineData("\rreturn", "\"'\rreturn\"")]
    [InlineData("Acme, Inc.", "\"Acme, Inc.\"")]
    [InlineData("retail", "retail")]
    [InlineData("", "")]
    public void Text_NeutralisesFormulas_ThenQuotes(string field, string expected) => Assert.Equal(expected, CsvText.Text(field));

    [Theory]
    [InlineData("-1500.25")]
    [InlineData("0.125")]
    public void Quote_LeavesNumbersAsNumbers(string number) => Assert.Equal(number, CsvText.Quote(number));
}
