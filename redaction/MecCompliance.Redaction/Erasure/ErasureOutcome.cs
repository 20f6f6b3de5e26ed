using System.Text.Json.Serialization;

namespace MecCompliance.Redaction;

/// <summary>What became of a data subject's data in one sink. Serialized by name (<c>"Erased"</c>, <c>"Failed"</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ErasureOutcome>))]
public enum ErasureOutcome
{
    /// <summary>The eraser completed: the sink no longer holds the subject's classified data (its backups aside).</summary>
    Erased = 1,

    /// <summary>The eraser threw: the sink may still hold the subject's data. <see cref="SinkErasure.FailureReason"/> says why.</summary>
    Failed = 2,
}
