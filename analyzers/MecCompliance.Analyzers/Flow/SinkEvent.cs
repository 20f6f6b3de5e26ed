using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Sinks;

namespace MecCompliance.Analyzers.Flow;

/// <summary>
/// A value entering a sink inside one method: the labels it may carry, where it enters (the argument or assigned value)
/// and the sink operation. Labels only grow while the method's fixpoint runs.
/// </summary>
internal sealed class SinkEvent
{
    public SinkEvent(Sink sink, IOperation value, IOperation sinkOperation, DataClass sanctioned)
    {
        Sink = sink;
        ValueSyntax = value.Syntax;
        SinkOperation = sinkOperation;
        Sanctioned = sanctioned;
    }

    /// <summary>A sink inside a referenced assembly, known only from its flow summary: no code of it is in this compilation.</summary>
    public SinkEvent(Sink sink, DataClass sanctioned)
    {
        Sink = sink;
        Sanctioned = sanctioned;
    }

    public Sink Sink { get; }

    /// <summary>The value that leaves: where a finding is reported.</summary>
    /// <remarks>Syntax rather than the operation: the event outlives its body's analysis.</remarks>
    /// <remarks><see langword="null"/> for a sink in a referenced assembly: such a sink is only reached through a call.</remarks>
    public SyntaxNode? ValueSyntax { get; }

    /// <summary>The call, creation or assignment that is the sink.</summary>
    /// <remarks>Kept as an operation: the command-line report reads the host out of the call's arguments.</remarks>
    public IOperation? SinkOperation { get; }

    /// <summary>Classes allowed through this sink (a classified <c>[LoggerMessage]</c> parameter).</summary>
    public DataClass Sanctioned { get; }

    public LabelSet Labels { get; private set; } = LabelSet.Empty;

    public void Merge(LabelSet labels)
    {
        // Where inside a value the data sat no longer matters once the value leaves: the finding names the data.
        foreach (var label in labels.Labels)
        {
            if (label is SourceLabel { Slot: not null })
            {
                labels = LabelSet.From(labels.Labels.Select(l => l is SourceLabel source ? source.Unslotted : l).ToList());
                break;
            }
        }

        Labels = Labels.Union(labels);
    }
}
