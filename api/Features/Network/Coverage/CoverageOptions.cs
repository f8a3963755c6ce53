namespace Alumni.Api.Features.Network.Coverage;

/// <summary>Configuration section <c>Network:Coverage</c>.</summary>
public sealed class CoverageOptions
{
    public const string Section = "Network:Coverage";

    /// <summary>A department whose reachable share (members with department mailings consented) is below this needs support.</summary>
    public double LowReachShare { get; set; } = 0.3;
}
