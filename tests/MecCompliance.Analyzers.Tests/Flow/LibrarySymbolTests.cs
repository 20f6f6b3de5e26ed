using MecCompliance.Analyzers.Policy;
using Microsoft.CodeAnalysis;

namespace MecCompliance.Analyzers.Tests.Flow;

/// <summary>
/// The classification caches skip library symbols without reading their attributes: only those of assemblies that
/// cannot see a classification attribute, never a library classified through another assembly.
/// </summary>
public sealed class LibrarySymbolTests
{
    private const string Holder = """
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        public class A { }

        public class Holder
        {
            public List<A> First = new();
            public ILogger<A>? Logger;
        }
        """;

    [Fact]
    public void Framework_symbols_are_skipped_and_source_symbols_are_not()
    {
        var compilation = PolicyModelTests.Compile(Holder);
        var symbols = ComplianceSymbols.TryCreate(compilation)!;

        Assert.False(symbols.MayDeclare(compilation.GetSpecialType(SpecialType.System_String).GetMembers("Length").Single()));
        Assert.False(symbols.MayDeclare(FieldType(compilation, "First").GetMembers("Add").Single()));
        Assert.True(symbols.MayDeclare(compilation.GetTypeByMetadataName("Holder")!.GetMembers("First").Single()));
        Assert.False(symbols.MayDeclare(FieldType(compilation, "Logger")));
        Assert.Equal(DataClass.None, symbols.ContentsOf(FieldType(compilation, "Logger")));
    }

    [Fact]
    public void A_library_classified_through_a_taxonomy_assembly_it_references_is_still_read()
    {
        // Models applies a taxonomy's attribute: it references Taxonomy, not the compliance abstractions themselves.
        var taxonomy = Image(PolicyModelTests.Compile("""
            using Microsoft.Extensions.Compliance.Classification;

            namespace Taxonomy;

            public sealed class LibraryCardAttribute : DataClassificationAttribute
            {
                public LibraryCardAttribute() : base(new DataClassification("Evergreen", "LibraryCard")) { }
            }
            """, "Taxonomy"));
        var models = Image(PolicyModelTests.Compile("""
            namespace Models;

            public class Card
            {
                [Taxonomy.LibraryCard] public string Number { get; set; } = "";
                public int Id { get; set; }
            }

            [Taxonomy.LibraryCard]
            public class Badge { }
            """, "Models", taxonomy));
        var compilation = PolicyModelTests.Compile("""
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public class Holder
            {
                public Task<Models.Badge>? Pending;
                public List<Models.Card> Cards = new();
                public List<string> Names = new();
            }
            """, "App", models, taxonomy);
        var symbols = ComplianceSymbols.TryCreate(compilation)!;
        var card = compilation.GetTypeByMetadataName("Models.Card")!;

        Assert.True(symbols.MayDeclare(card));
        Assert.Equal(DataClass.PersonalData, symbols.ClassOf(card.GetMembers("Number").Single()));
        Assert.Equal(DataClass.None, symbols.ClassOf(card.GetMembers("Id").Single()));

        // Library types that wrap or hold classified ones carry their classes.
        Assert.Equal(DataClass.PersonalData, symbols.ClassOfType(FieldType(compilation, "Pending")));
        Assert.Equal(DataClass.PersonalData, symbols.ContentsOf(FieldType(compilation, "Cards")));
        Assert.Equal(DataClass.None, symbols.ContentsOf(FieldType(compilation, "Names")));
    }

    private static INamedTypeSymbol FieldType(Compilation compilation, string field) =>
        (INamedTypeSymbol)((IFieldSymbol)compilation.GetTypeByMetadataName("Holder")!.GetMembers(field).Single()).Type;

    private static MetadataReference Image(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
