using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// The sinks one analysed body reaches: one event per value and sink kind, in the order first reached, holding every
/// label that reaches it on any path. The evaluator reports to it; the walks never see it.
/// </summary>
internal sealed class SinkRecorder
{
    // Created on first use: most bodies record no sink.
    private Dictionary<(IOperation Value, SinkKind Kind), SinkEvent>? _events;
    private List<SinkEvent>? _order;

    /// <summary>Records that <paramref name="value"/>, carrying <paramref name="labels"/>, reaches <paramref name="sink"/> at <paramref name="site"/>.</summary>
    public void Record(Sink sink, IOperation value, LabelSet labels, IOperation site, DataClass sanctioned)
    {
        var key = (value, sink.Kind);
        if (!(_events ??= new()).TryGetValue(key, out var sinkEvent))
        {
            sinkEvent = new SinkEvent(sink, value, site, sanctioned);
            _events.Add(key, sinkEvent);
            (_order ??= []).Add(sinkEvent);
        }

        sinkEvent.Merge(labels);
    }

    public ImmutableArray<SinkEvent> ToImmutable() => _order is null || _order.Count == 0 ? ImmutableArray<SinkEvent>.Empty : _order.ToImmutableArray();
}
