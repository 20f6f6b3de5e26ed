namespace MecCompliance.Analyzers.Sinks;

/// <summary>Where classified data leaves the program's control, and so which rule judges it.</summary>
internal enum SinkKind
{
    /// <summary>Logs, console, debug/trace output, telemetry, exception messages (MEC001).</summary>
    Log,

    /// <summary>A third party reached over the network or mail (MEC002).</summary>
    Vendor,

    /// <summary>Persistent storage: files, databases, caches, cookies, sessions (MEC003).</summary>
    Storage,

    /// <summary>A field or property declared without a classification (MEC006): the value would lose its class there.</summary>
    UnclassifiedMember,
}
