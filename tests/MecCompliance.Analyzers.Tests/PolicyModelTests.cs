using MecCompliance.Analyzers.Policy;
using MecCompliance.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MecCompliance.Analyzers.Tests;

public sealed class PolicyModelTests
{
    private const string ConsortiumPolicy = """
        using MecCompliance;
        [assembly: ApprovedVendor("OverDrive", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute),
            Hosts = new[] { "patron.overdrive.example", "*.cdn.overdrive.example" }, Contract = "MEC-2023-007")]
        [assembly: ApprovedSink("PatronDb", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute))]
        """;

    [Fact]
    public void Declarations_of_the_compilation_are_read_with_classes_hosts_and_contract()
    {
        var model = ModelOf(ConsortiumPolicy);

        Assert.True(model.TryGetVendor("OverDrive", out var vendor));
        Assert.Equal(DataClass.PatronRecord | DataClass.PersonalData, vendor.Allowed);
        Assert.Equal(["patron.overdrive.example", "*.cdn.overdrive.example"], vendor.Hosts.ToArray());
        Assert.Equal("MEC-2023-007", vendor.Contract);
        Assert.True(vendor.IsValid);
        Assert.True(vendor.IsInSource);
        Assert.True(model.TryGetSink("PatronDb", out var sink));
        Assert.True(sink.Allows(DataClass.PatronRecord));
        Assert.False(sink.Allows(DataClass.OrganizationalData));
        Assert.Single(model.Vendors);
        Assert.Single(model.Sinks);
    }

    [Fact]
    public void Declarations_of_a_referenced_policy_assembly_are_read()
    {
        var policy = Compile(ConsortiumPolicy, "Consortium.Policy");
        var model = ModelOf("public class App { }", policy.ToMetadataReference());

        Assert.True(model.TryGetVendor("overdrive", out var vendor));
        Assert.False(vendor.IsInSource);
        Assert.Equal("Consortium.Policy", vendor.Assembly.Name);
        Assert.True(vendor.Allows(DataClass.PatronRecord | DataClass.PersonalData));
        Assert.True(model.TryGetSink("PatronDb", out _));
    }

    [Fact]
    public void Declarations_of_an_emitted_policy_assembly_are_read_from_metadata()
    {
        var policy = Compile(ConsortiumPolicy, "Consortium.Policy");
        using var image = new MemoryStream();
        Assert.True(policy.Emit(image).Success);
        var model = ModelOf("public class App { }", MetadataReference.CreateFromImage(image.ToArray()));

        Assert.True(model.TryGetVendor("OverDrive", out var vendor));
        Assert.Equal("MEC-2023-007", vendor.Contract);
        Assert.Equal(DataClass.PatronRecord | DataClass.PersonalData, vendor.Allowed);
    }

    [Fact]
    public void Declarations_made_with_a_second_definition_of_the_attribute_are_read_by_full_name()
    {
        var policy = Compile("""
            [assembly: MecCompliance.ApprovedSink("Archive", typeof(MecCompliance.PersonalDataAttribute))]
            namespace MecCompliance
            {
                [System.AttributeUsage(System.AttributeTargets.Assembly, AllowMultiple = true)]
                public sealed class ApprovedSinkAttribute : System.Attribute
                {
                    public ApprovedSinkAttribute(string name, params System.Type[] allowed) { }
                }
            }
            """, "Legacy.Policy");
        using var image = new MemoryStream();
        var emitted = policy.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var model = ModelOf("public class App { }", MetadataReference.CreateFromImage(image.ToArray()));

        Assert.True(model.TryGetSink("Archive", out var sink));
        Assert.Equal(DataClass.PersonalData, sink.Allowed);
    }

    [Fact]
    public void Vendor_not_approved_for_a_class_does_not_allow_it()
    {
        var model = ModelOf("""
            using MecCompliance;
            [assembly: ApprovedVendor("Directory", typeof(OrganizationalDataAttribute))]
            """);

        Assert.True(model.TryGetVendor("Directory", out var vendor));
        Assert.True(vendor.Allows(DataClass.OrganizationalData));
        Assert.True(vendor.Allows(DataClass.None));
        Assert.False(vendor.Allows(DataClass.PersonalData));
        Assert.False(vendor.Allows(DataClass.OrganizationalData | DataClass.PersonalData));
        Assert.False(model.TryGetVendor("Unknown", out _));
        Assert.False(model.TryGetSink("Directory", out _));
    }

    [Theory]
    [InlineData("patron.overdrive.example", "OverDrive")]
    [InlineData("PATRON.OverDrive.example.", "OverDrive")]
    [InlineData("a.cdn.overdrive.example", "OverDrive")]
    [InlineData("a.b.cdn.overdrive.example", "OverDrive")]
    [InlineData("cdn.overdrive.example", null)]
    [InlineData("overdrive.example", null)]
    [InlineData("evil-patron.overdrive.example", null)]
    [InlineData("patron.overdrive.example.evil.example", null)]
    [InlineData("", null)]
    public void Vendor_is_found_by_exact_host_or_leading_wildcard(string host, string? expected)
    {
        var model = ModelOf(ConsortiumPolicy);

        Assert.Equal(expected, model.FindVendorByHost(host)?.Name);
    }

    [Fact]
    public void Most_specific_wildcard_owns_the_host()
    {
        var model = ModelOf("""
            using MecCompliance;
            [assembly: ApprovedVendor("Broad", Hosts = new[] { "*.example.org" })]
            [assembly: ApprovedVendor("Narrow", Hosts = new[] { "*.api.example.org", "exact.example.org" })]
            """);

        Assert.Equal("Narrow", model.FindVendorByHost("v1.api.example.org")?.Name);
        Assert.Equal("Broad", model.FindVendorByHost("www.example.org")?.Name);
        Assert.Equal("Narrow", model.FindVendorByHost("exact.example.org")?.Name);
    }

    [Fact]
    public void Vendor_and_sink_marks_are_read_from_method_type_base_and_interface()
    {
        var compilation = Compile("""
            using MecCompliance;
            [Vendor("OverDrive")] public interface IOverDriveClient { void Send(string s); }
            public class OverDriveClient : IOverDriveClient { public void Send(string s) { } public void Other() { } }
            public class Mixed
            {
                [Vendor("Hoopla")] public void ToHoopla() { }
                public void Local() { }
            }
            public interface ICirculation { [Vendor("Ils")] void Checkout(); }
            public class Circulation : ICirculation { public void Checkout() { } }
            [DataSink("PatronDb")] public class PatronContext { public void Save() { } }
            public class DerivedContext : PatronContext { }
            public class Unmarked { public void Run() { } }
            """);
        var symbols = ComplianceSymbols.TryCreate(compilation)!;
        var model = PolicyModel.Create(compilation, symbols, CancellationToken.None);
        IMethodSymbol Method(string type, string name) => (IMethodSymbol)compilation.GetTypeByMetadataName(type)!.GetMembers(name).Single();

        Assert.Equal("OverDrive", model.VendorNameOf(Method("OverDriveClient", "Send")));
        Assert.Equal("OverDrive", model.VendorNameOf(Method("OverDriveClient", "Other")));
        Assert.Equal("OverDrive", model.VendorNameOf(compilation.GetTypeByMetadataName("OverDriveClient")));
        Assert.Equal("Hoopla", model.VendorNameOf(Method("Mixed", "ToHoopla")));
        Assert.Null(model.VendorNameOf(Method("Mixed", "Local")));
        Assert.Equal("Ils", model.VendorNameOf(Method("Circulation", "Checkout")));
        Assert.Equal("PatronDb", model.SinkNameOf(Method("PatronContext", "Save")));
        Assert.Equal("PatronDb", model.SinkNameOf(compilation.GetTypeByMetadataName("DerivedContext")));
        Assert.Null(model.SinkNameOf(Method("OverDriveClient", "Send")));
        Assert.Null(model.VendorNameOf(Method("Unmarked", "Run")));
        Assert.Null(model.VendorNameOf(null));
    }

    [Fact]
    public void Model_is_built_once_per_compilation()
    {
        var compilation = Compile(ConsortiumPolicy);
        var symbols = ComplianceSymbols.TryCreate(compilation)!;

        Assert.Same(
            PolicyModel.Create(compilation, symbols, CancellationToken.None),
            PolicyModel.Create(compilation, symbols, CancellationToken.None));
    }

    [Fact]
    public void Compilation_without_declarations_has_an_empty_policy()
    {
        var model = ModelOf("public class App { }");

        Assert.Empty(model.Vendors);
        Assert.Empty(model.Sinks);
        Assert.Null(model.FindVendorByHost("api.example.org"));
    }

    [Fact]
    public void Malformed_declarations_stay_in_the_model_with_their_problems()
    {
        var model = ModelOf("""
            using MecCompliance;
            [assembly: ApprovedVendor("Hoopla", typeof(PatronRecordAttribute), Hosts = new[] { "https://hoopla.example/api" })]
            """);

        Assert.True(model.TryGetVendor("Hoopla", out var vendor));
        Assert.False(vendor.IsValid);
        Assert.Equal(2, vendor.Problems.Length);
        Assert.Null(model.FindVendorByHost("hoopla.example"));
    }

    internal static CSharpCompilation Compile(string source, string assemblyName = "App", params MetadataReference[] extra) =>
        CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            TestReferences.All.AddRange(extra),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static PolicyModel ModelOf(string source, params MetadataReference[] extra)
    {
        var compilation = Compile(source, "App", extra);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Empty(errors);
        return PolicyModel.Create(compilation, ComplianceSymbols.TryCreate(compilation)!, CancellationToken.None);
    }
}
