using MecCompliance.Analyzers.Policy;

namespace MecCompliance.Analyzers.Sinks;

/// <summary>
/// One value of a sink call that leaves the program: a parameter (by ordinal) or the receiver. Classes listed in
/// <see cref="Sanctioned"/> may pass (a <c>[LoggerMessage]</c> parameter that carries a classification is redacted by
/// the logging pipeline).
/// </summary>
internal readonly struct SinkPayload
{
    public const int Receiver = -1;

    public SinkPayload(int ordinal, DataClass sanctioned = DataClass.None)
    {
        Ordinal = ordinal;
        Sanctioned = sanctioned;
    }

    /// <summary>The parameter ordinal, or <see cref="Receiver"/> for the instance the method is called on.</summary>
    public int Ordinal { get; }

    public DataClass Sanctioned { get; }
}
