using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;

namespace MecCompliance.Analyzers.Policy;

/// <summary>What a marked method does for one data subject in a sink: the policy's "Updating or Removing Information".</summary>
internal enum DataSubjectDuty
{
    /// <summary><c>[ErasesPersonalData("sink")]</c>: deletes or anonymises the subject's classified data.</summary>
    Erases,

    /// <summary><c>[CorrectsPersonalData("sink")]</c>: corrects or updates the subject's classified data.</summary>
    Corrects,
}

/// <summary>
/// One <c>[ErasesPersonalData("sink")]</c> or <c>[CorrectsPersonalData("sink")]</c> mark on a method, read from source
/// or from a referenced assembly.
/// </summary>
internal sealed class DataSubjectMark
{
    private static readonly ConditionalWeakTable<Compilation, ReferencedMarks> Referenced = new();

    private DataSubjectMark(IMethodSymbol method, DataSubjectDuty duty, string? sink, AttributeData attribute)
    {
        Method = method;
        Duty = duty;
        Sink = sink;
        Attribute = attribute;
    }

    /// <summary>The marked method.</summary>
    public IMethodSymbol Method { get; }

    public DataSubjectDuty Duty { get; }

    /// <summary>The sink name as written; <see langword="null"/> or blank when the mark names none (MEC004).</summary>
    public string? Sink { get; }

    public AttributeData Attribute { get; }

    /// <summary><c>ErasesPersonalData</c> or <c>CorrectsPersonalData</c>, as written in source.</summary>
    public string AttributeName => Duty == DataSubjectDuty.Erases ? "ErasesPersonalData" : "CorrectsPersonalData";

    /// <summary>Whether the mark names a sink at all.</summary>
    public bool HasSinkName => Sink is not null && Sink.Trim().Length > 0;

    /// <summary>The attribute in source (where MEC004 and MEC008 are reported), else the method's first location.</summary>
    public Location GetLocation(CancellationToken cancellationToken) =>
        Attribute.ApplicationSyntaxReference is { } reference
            ? reference.GetSyntax(cancellationToken).GetLocation()
            : Method.Locations.FirstOrDefault() ?? Location.None;

    /// <summary>Whether the mark is for the sink <paramref name="name"/>, compared as sink names are (ignoring case).</summary>
    public bool IsFor(string name) => string.Equals(Sink, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The data-subject marks on <paramref name="method"/>, in attribute order; empty for almost every method.</summary>
    public static ImmutableArray<DataSubjectMark> On(IMethodSymbol method)
    {
        ImmutableArray<DataSubjectMark>.Builder? marks = null;
        foreach (var attribute in method.GetAttributes())
        {
            var duty = attribute.AttributeClass.HasFullName(MetadataNames.ErasesPersonalDataAttribute) ? DataSubjectDuty.Erases
                : attribute.AttributeClass.HasFullName(MetadataNames.CorrectsPersonalDataAttribute) ? DataSubjectDuty.Corrects
                : (DataSubjectDuty?)null;

            // An application that does not bind is a compiler error already.
            if (duty is null || attribute.AttributeConstructor is null)
            {
                continue;
            }

            var sink = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Primitive
                ? attribute.ConstructorArguments[0].Value as string
                : null;
            (marks ??= ImmutableArray.CreateBuilder<DataSubjectMark>()).Add(new DataSubjectMark(method, duty.Value, sink, attribute));
        }

        return marks?.ToImmutable() ?? ImmutableArray<DataSubjectMark>.Empty;
    }

    /// <summary>
    /// Whether any source text of <paramref name="compilation"/> names <c>ErasesPersonalData</c> or
    /// <c>CorrectsPersonalData</c>: a mark in source is written with one of those names (an alias of the attribute
    /// names it where the alias is declared), so without either there is none, and no symbol or attribute need be bound
    /// to know it. A text scan of every file costs a small fraction of binding the attributes of every method.
    /// </summary>
    public static bool MayBeInSource(Compilation compilation, CancellationToken cancellationToken)
    {
        char[]? buffer = null;
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Mentions(tree.GetText(cancellationToken), ref buffer))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] MarkNames = ["ErasesPersonalData", "CorrectsPersonalData"];

    // Chunks overlap by the longest name less one character ("CorrectsPersonalData").
    private static readonly int Overlap = MarkNames.Max(n => n.Length) - 1;

    // Chunks overlap by the longest name less one character, so a name split across two chunks is still found.
    private static bool Mentions(SourceText text, ref char[]? buffer)
    {
        const int ChunkLength = 16 * 1024;
        buffer ??= new char[ChunkLength];
        for (var start = 0; start < text.Length; start += ChunkLength - Overlap)
        {
            var count = Math.Min(ChunkLength, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            var chunk = new ReadOnlySpan<char>(buffer, 0, count);
            foreach (var name in MarkNames)
            {
                if (chunk.IndexOf(name.AsSpan(), StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            if (start + count >= text.Length)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>
    /// The marks on the methods of referenced assemblies that can apply them (those built against the attributes), read
    /// once per compilation. Only members the compilation can see are found: a referenced assembly's internal eraser
    /// is invisible to it.
    /// </summary>
    public static ImmutableArray<DataSubjectMark> InReferences(Compilation compilation, CancellationToken cancellationToken)
    {
        if (Referenced.TryGetValue(compilation, out var known))
        {
            return known.Marks;
        }

        // Two analyzers may read concurrently; both results are equal and the first one stored wins.
        var read = new ReferencedMarks(ReadReferences(compilation, cancellationToken));
        return Referenced.GetValue(compilation, _ => read).Marks;
    }

    private static ImmutableArray<DataSubjectMark> ReadReferences(Compilation compilation, CancellationToken cancellationToken)
    {
        var definers = new HashSet<string>(StringComparer.Ordinal) { "MecCompliance.Attributes" };
        foreach (var type in compilation.GetTypesByMetadataName(MetadataNames.ErasesPersonalDataAttribute)
                     .Concat(compilation.GetTypesByMetadataName(MetadataNames.CorrectsPersonalDataAttribute)))
        {
            definers.Add(type.ContainingAssembly.Name);
        }

        var marks = ImmutableArray.CreateBuilder<DataSubjectMark>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (!definers.Contains(assembly.Name) && !assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => definers.Contains(r.Name))))
            {
                continue;
            }

            marks.AddRange(In(assembly, cancellationToken));
        }

        return marks.ToImmutable();
    }

    private sealed class ReferencedMarks(ImmutableArray<DataSubjectMark> marks)
    {
        public ImmutableArray<DataSubjectMark> Marks { get; } = marks;
    }

    /// <summary>Every mark on a method of <paramref name="assembly"/>, its nested types included.</summary>
    public static IEnumerable<DataSubjectMark> In(IAssemblySymbol assembly, CancellationToken cancellationToken)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in pending.Pop().GetMembers())
            {
                switch (member)
                {
                    case INamespaceOrTypeSymbol container:
                        pending.Push(container);
                        break;
                    case IMethodSymbol method:
                        foreach (var mark in On(method))
                        {
                            yield return mark;
                        }

                        break;
                }
            }
        }
    }
}
