namespace MecCompliance.Analyzers.Flow;

internal sealed partial class StructuredWalk
{
    /// <summary>What every walk over one method's tree shares: the tree, the budget of statements and whether the walk gave up.</summary>
    private sealed class Shared(IOperation root, CancellationToken cancellationToken)
    {
        public StructuredTree Tree { get; } = new(root);

        public CancellationToken CancellationToken { get; } = cancellationToken;

        /// <summary>Statements left to interpret, over the method and all its lambdas and local functions.</summary>
        public int Budget { get; set; } = 4096;

        public int StatementDepth { get; set; }

        /// <summary>Whether the walk met something it does not model: its result is discarded and the graph walk runs.</summary>
        public bool GaveUp { get; private set; }

        /// <summary>Gives the body up (the rest of the walk unwinds without interpreting anything); returns <see langword="false"/>: no code after it is reachable.</summary>
        public bool GiveUp()
        {
            GaveUp = true;
            return false;
        }
    }

    /// <summary>What structured mode looks up in the whole tree of a method: its local functions and its labels.</summary>
    private sealed class StructuredTree(IOperation root)
    {
        private Dictionary<IMethodSymbol, ILocalFunctionOperation>? _localFunctions;
        private HashSet<ILabelSymbol>? _labels;

        /// <summary>Whether <paramref name="label"/> is a labelled statement of the method (not a switch case of <c>goto case</c>).</summary>
        public bool DeclaresLabel(ILabelSymbol label)
        {
            if (_labels is null)
            {
                _labels = new HashSet<ILabelSymbol>(SymbolEqualityComparer.Default);
                foreach (var operation in root.DescendantsAndSelf())
                {
                    if (operation is ILabeledOperation labeled)
                    {
                        _labels.Add(labeled.Label);
                    }
                }
            }

            return _labels.Contains(label);
        }

        public ILocalFunctionOperation? LocalFunction(IMethodSymbol definition)
        {
            if (_localFunctions is null)
            {
                _localFunctions = new Dictionary<IMethodSymbol, ILocalFunctionOperation>(SymbolEqualityComparer.Default);
                foreach (var operation in root.DescendantsAndSelf())
                {
                    if (operation is ILocalFunctionOperation declared)
                    {
                        _localFunctions[declared.Symbol] = declared;
                    }
                }
            }

            return _localFunctions.TryGetValue(definition, out var declaration) ? declaration : null;
        }
    }
}
