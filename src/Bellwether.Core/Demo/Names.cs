namespace Bellwether.Core.Demo;

/// <summary>Made-up names of people and companies, drawn from the id so that they never touch the simulation's stream.</summary>
internal static class Names
{
    private const ulong PersonStream = 101;
    private const ulong CompanyStream = 102;

    private static readonly string[] FirstNames =
    [
        "Ava", "Ben", "Chloe", "Daniel", "Elena", "Felix", "Grace", "Hugo", "Isla", "Jonas", "Keira", "Liam", "Maya",
        "Noah", "Olivia", "Pablo", "Quinn", "Rosa", "Samir", "Tara", "Umar", "Vera", "Wes", "Xenia", "Yusuf", "Zoe",
        "Amara", "Bruno", "Carmen", "Dev", "Emil", "Fatima", "Gus", "Hana", "Ivan", "Julia", "Kofi", "Lena", "Marco",
        "Nadia", "Oscar", "Priya", "Rafael", "Sofia", "Tomas", "Uma", "Victor", "Wanda", "Yara", "Zane",
    ];

    private static readonly string[] LastNames =
    [
        "Adams", "Baker", "Costa", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ibrahim", "Jensen", "Kim", "Lopez",
        "Martin", "Novak", "Okafor", "Patel", "Quinn", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga", "Walsh", "Xu",
        "Young", "Zimmer", "Andersen", "Brennan", "Chen", "Dubois", "Eriksen", "Fontaine", "Gupta", "Horvat", "Ito",
        "Jovanovic", "Kowalski", "Larsen", "Moreau", "Nakamura", "Oliveira", "Petrov", "Reyes", "Silva", "Torres",
    ];

    private static readonly string[] CompanyFirst =
    [
        "North", "Blue", "Silver", "Iron", "Bright", "Cedar", "Summit", "Harbor", "Pioneer", "Granite", "Maple", "Falcon",
        "Crescent", "Atlas", "Beacon", "Cobalt", "Delta", "Evergreen", "Frontier", "Golden", "Horizon", "Juniper",
        "Keystone", "Lakeside", "Meridian", "Nova", "Orchard", "Pinnacle", "Quarry", "Redwood", "Sterling", "Tidewater",
    ];

    private static readonly string[] CompanySecond =
    [
        "wind", "peak", "stone", "field", "bridge", "gate", "line", "point", "ridge", "water", "crest", "works", "path",
        "light", "vale", "port", "mark", "shore", "brook", "spring",
    ];

    private static readonly string[] CompanyKind =
    [
        "Logistics", "Health", "Capital", "Systems", "Foods", "Manufacturing", "Retail", "Partners", "Energy", "Labs",
        "Holdings", "Services", "Analytics", "Group", "Industries", "Software",
    ];

    public static (string First, string Last) Person(ulong seed, int repId)
    {
        var rng = Rng.For(seed, PersonStream, repId);
        return (FirstNames[rng.Next(FirstNames.Length)], LastNames[rng.Next(LastNames.Length)]);
    }

    public static string Email(string first, string last, int repId) =>
        $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{repId}@bellwether-demo.example";

    public static string Company(ulong seed, int accountId)
    {
        var rng = Rng.For(seed, CompanyStream, accountId);
        return $"{CompanyFirst[rng.Next(CompanyFirst.Length)]}{CompanySecond[rng.Next(CompanySecond.Length)]} {CompanyKind[rng.Next(CompanyKind.Length)]}";
    }
}
