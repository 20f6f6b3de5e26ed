using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;

namespace MecCompliance.Analyzers.Flow;

/// <summary>Catalogued sinks: which payloads of a call or setter reach a sink, reported to the body's <see cref="SinkRecorder"/>.</summary>
internal sealed partial class OperationEvaluator
{
    /// <summary>Records every payload of a catalogued sink; returns whether the call is a sink here.</summary>
    private bool RecordSinks(IMethodSymbol method, IOperation site, IOperation? instance, LabelSet receiver, CallArguments arguments)
    {
        if (_facts.Sinks.Find(method) is not { } sinkMethod)
        {
            return false;
        }

        // Where the call sends or stores (its vendor, its sink) is resolved only once a labelled value enters it: most
        // sends carry nothing classified, and resolving reads the surrounding code.
        var lazy = new LazySink(sinkMethod, site, _context.SemanticModel);
        foreach (var payload in sinkMethod.Payloads)
        {
            if (payload.Ordinal == SinkPayload.Receiver)
            {
                if (instance is not null)
                {
                    RecordSink(ref lazy, instance, receiver, payload.Sanctioned);
                }

                continue;
            }

            foreach (var argument in arguments.Items)
            {
                if (argument.Parameter?.Ordinal != payload.Ordinal)
                {
                    continue;
                }

                if (argument.Kind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } elements })
                {
                    // One finding per logged argument, not one for the whole params array.
                    foreach (var element in elements.ElementValues)
                    {
                        RecordSink(ref lazy, element, arguments.ElementLabels(element) ?? argument.Labels, payload.Sanctioned);
                    }
                }
                else
                {
                    RecordSink(ref lazy, argument.Value, argument.Labels, payload.Sanctioned);
                }
            }
        }

        // Only a method of this compilation asks: a sink there is not followed into (its body is the sink's business).
        return !_facts.IsInCompilation(method) || lazy.Sink is not null;
    }

    private void RecordSink(ref LazySink site, IOperation value, LabelSet labels, DataClass sanctioned)
    {
        labels = labels.Union(WholeObject(value));
        if (!labels.IsEmpty && site.Sink is { } sink)
        {
            _context.Sinks.Record(sink, value, labels, site.Operation, sanctioned);
        }
    }

    /// <summary>A sink call's resolution (vendor, storage target), made on first use.</summary>
    private struct LazySink(SinkMethod method, IOperation operation, SemanticModel? model)
    {
        private Sink? _sink;
        private bool _resolved;

        public readonly IOperation Operation => operation;

        public Sink? Sink
        {
            get
            {
                if (!_resolved)
                {
                    _sink = method.SinkAt(operation, model);
                    _resolved = true;
                }

                return _sink;
            }
        }
    }

    private void RecordSetterSink(IPropertySymbol property, IOperation target, IOperation? instance, IOperation valueOperation, LabelSet value)
    {
        if (property.SetMethod is { } setter && _facts.Sinks.Find(setter) is { } sinkMethod)
        {
            // Resolved only when a labelled value is set, as for calls.
            var labels = value.Union(WholeObject(valueOperation));
            if (!labels.IsEmpty && sinkMethod.SinkAt(target, _context.SemanticModel) is { } sink)
            {
                var sanctioned = sinkMethod.Payloads.FirstOrDefault(p => p.Ordinal != SinkPayload.Receiver).Sanctioned;
                _context.Sinks.Record(sink, valueOperation, labels, target, sanctioned);
            }
        }
    }
}
