namespace Bellwether.Core.Plans;

/// <summary>The three states of the spec's plan status, used for every signal too.</summary>
public enum SignalStatus
{
    OnTrack,
    AtRisk,
    OffTrack,
}
