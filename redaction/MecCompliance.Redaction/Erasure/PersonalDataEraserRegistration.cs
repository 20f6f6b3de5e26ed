using System;

namespace MecCompliance.Redaction.Erasure;

/// <summary>One <c>AddPersonalDataEraser&lt;T&gt;()</c> call: the eraser type, resolved in a scope of its own per run.</summary>
internal sealed record PersonalDataEraserRegistration(Type EraserType);
