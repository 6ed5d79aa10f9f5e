using Bellwether.Testing;
using Bellwether.Tests.Testing;
using Bellwether.Web;

namespace Bellwether.Tests.Web;

/// <summary>Until server mode brings sign-in, listening beyond this machine is an explicit choice.</summary>
public sealed class ServeExposureTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000", "")]
    [InlineData("http://localhost:5000", "")]
    [InlineData("http://[::1]:5000", "")]
    [InlineData("http://0.0.0.0:5000", "http://0.0.0.0:5000")]
    [InlineData("http://*:5000", "http://*:5000")]
    [InlineData("http://+:5000", "http://+:5000")]
    [InlineData("http://[::]:5000", "http://[::]:5000")]
    [InlineData("http://192.168.1.20:8080", "http://192.168.1.20:8080")]
    [InlineData("http://127.0.0.1:5000;http://10.0.0.5:5000", "http://10.0.0.5:5000")]
    public void Remote_NamesTheAddressesOtherMachinesCanReach(string urls, string remote)
    {
        Assert.Equal(remote, string.Join(";", ListenAddresses.Remote(urls)));
    }

    [Fact]
    public void Serve_OnAllAddresses_WithoutAllowRemote_IsRefusedInOneLine()
    {
        using var company = new SmallCompany();
        Assert.Equal(0, company.Import().ExitCode);

        var result = CliRunner.Run("serve", "--urls", "http://0.0.0.0:0", "--db", company.Db);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "bellwether: --urls http://0.0.0.0:0 can be reached from other machines, and the API has no sign-in yet: anyone who reaches it could read and change this company's data. Listen on 127.0.0.1 (the default), or pass --allow-remote on a network you trust",
            result.Err.Trim());
    }

    [Fact]
    public void Demo_OnAllAddresses_IsRefusedBeforeItBuildsTheCompany()
    {
        using var temp = new TempFolder();
        var db = temp.File("demo.duckdb");

        var result = CliRunner.Run("demo", "--urls", "http://0.0.0.0:0", "--db", db);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("bellwether: --urls http://0.0.0.0:0 can be reached from other machines", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }
}
