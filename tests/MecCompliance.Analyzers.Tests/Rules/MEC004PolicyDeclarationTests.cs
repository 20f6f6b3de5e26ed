using MecCompliance.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = MecCompliance.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MecCompliance.Analyzers.Rules.PolicyDeclarationAnalyzer>;

namespace MecCompliance.Analyzers.Tests.Rules;

/// <summary>MEC004, an invalid policy declaration: names, allowed types, contracts, hosts, duplicates and retention.</summary>
public sealed class MEC004PolicyDeclarationTests
{
    private const string Hint = "approve classes with typeof(PatronRecordAttribute), typeof(PersonalDataAttribute) or typeof(OrganizationalDataAttribute)";

    private static DiagnosticResult Mec004(int location, string message) =>
        Verify.Diagnostic("MEC004").WithLocation(location).WithArguments(message);

    [Fact]
    public async Task Well_formed_declarations_are_not_reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using MecCompliance;
            [assembly: ApprovedVendor("OverDrive", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute),
                Hosts = new[] { "patron.overdrive.example", "*.cdn.overdrive.example", "10.1.2.3", "ils_gateway.mec.example" },
                Contract = "MEC-2023-007")]
            [assembly: ApprovedVendor("Mailer", typeof(PersonalDataAttribute), Hosts = new[] { "smtp.mailer.example" })]
            [assembly: ApprovedVendor("Weather")]
            [assembly: ApprovedVendor("OverDrive-Directory", typeof(OrganizationalDataAttribute))]
            [assembly: ApprovedSink("PatronDb", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute))]
            [assembly: ApprovedSink("OverDrive", typeof(OrganizationalDataAttribute))]

            [Vendor("OverDrive")] public interface IOverDriveClient { }
            public class Repository { [DataSink("PatronDb")] public void Save() { } }
            """);
    }

    [Theory]
    [InlineData("\"\"", "an empty")]
    [InlineData("\"   \"", "an empty")]
    [InlineData("null", "a null")]
    public async Task Vendor_with_blank_name_is_reported(string name, string what)
    {
        await Verify.VerifyAnalyzerAsync($$"""
            using MecCompliance;
            [assembly: {|#0:ApprovedVendor({{name}}, typeof(PersonalDataAttribute))|}]
            """,
            Mec004(0, $"ApprovedVendor declares a vendor with {what} name; give it the name that its [Vendor(\"...\")] marks and named HttpClients use"));
    }

    [Fact]
    public async Task Sink_with_empty_name_is_reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using MecCompliance;
            [assembly: {|#0:ApprovedSink("", typeof(PersonalDataAttribute))|}]
            """,
            Mec004(0, "ApprovedSink declares a sink with an empty name; give it the name that its [DataSink(\"...\")] marks use"));
    }

    [Fact]
    public async Task Name_with_surrounding_spaces_is_reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using MecCompliance;
            [assembly: {|#0:ApprovedVendor(" OverDrive", typeof(PersonalDataAttribute))|}]
            [assembly: {|#1:ApprovedSink("PatronDb ", typeof(PersonalDataAttribute))|}]
            [assembly: ApprovedSink("Patron Db", typeof(PersonalDataAttribute))]
            """,
            Mec004(0, "Vendor ' OverDrive' has spaces around its name, so [Vendor(\"OverDrive\")] would not match it; write \"OverDrive\""),
            Mec004(1, "Sink 'PatronDb ' has spaces around its name, so [DataSink(\"PatronDb\")] would not match it; write \"PatronDb\""));
    }

    [Fact]
    public async Task Vendor_declared_twice_is_reported_on_the_second_declaration()
    {
        await Verify.VerifyAnalyzerAsync("""
            using MecCompliance;
            [assembly: ApprovedVendor("Hoopla", typeof(PersonalDataAttribute))]
            [assembly: {|#0:ApprovedVendor("hoopla", typeof(PersonalDataAttribute))|}]
            """,
            Mec004(0, "Vendor 'hoopla' is already declared in Test0.cs line 2; remove this duplicate declaration"));
    }

    [Fact]
    public async Task Vendor_declared_twice_with_different_approvals_says_what_differs()
    {
        await Verify.VerifyAnalyzerAsync("""
            using MecCompliance;
            [assembly: ApprovedVendor("Hoopla", typeof(PersonalDataAttribute), Hosts = new[] { "api.hoopla.example" })]
            [assembly: {|#0:ApprovedVendor("Hoopla", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute), Contract = "C-1")|}]
            """,
            Mec004(0, "Vendor 'Hoopla' is already declared in Test0.cs line 2 with different approvals (there: PersonalData; here: PatronRecord, PersonalData; different hosts; different contract); a name may be declared once, so keep one declaration and correct it there"));
    }

    [Fact]
    public async Task Sink_declared_twice_is_reported_but_a_vendor_and_a_sink_may_share_a_name()
    {
        await Verify.VerifyAnalyzerAsync("""
            using MecCompliance;
            [assembly: ApprovedSink("PatronDb", typeof(PatronRecordAttribute))]
            [assembly: ApprovedVendor("PatronDb", typeof(OrganizationalDataAttribute))]
            [assembly: {|#0:ApprovedSink("PatronDb", typeof(PersonalDataAttribute))|}]
            """,
            Mec004(0, "Sink 'PatronDb' is already declared in Test0.cs line 2 with different approvals (there: PatronRecord; here: PersonalData); a name may be declared once, so keep one declaration and correct it there"));
    }

    [Fact]
    public async Task Duplicate_across_files_is_reported_in_the_later_file()
    {
        var test = new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    "using MecCompliance;\n[assembly: ApprovedSink(\"Cache\", typeof(PersonalDataAttribute))]\n",
                    "using MecCompliance;\n[assembly: {|#0:ApprovedSink(\"Cache\", typeof(PersonalDataAttribute))|}]\n",
                },
            },
        };
        test.ExpectedDiagnostics.Add(Mec004(0, "Sink 'Cache' is already declared in Test0.cs line 2; remove this duplicate declaration"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Duplicate_of_a_referenced_policy_assembly_is_reported_on_the_local_declaration()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using MecCompliance;
                [assembly: {|#0:ApprovedVendor("OverDrive", typeof(PersonalDataAttribute))|}]
                [assembly: ApprovedVendor("Libby", typeof(PersonalDataAttribute))]
                """,
        };
        test.TestState.AdditionalReferences.Add(ConsortiumPolicyAssembly());
        test.ExpectedDiagnostics.Add(Mec004(0,
            "Vendor 'OverDrive' is already declared in referenced assembly 'Consortium.Policy' with different approvals " +
            "(there: PatronRecord, PersonalData; here: PersonalData; different hosts; different contract); a name may be declared once, so keep one declaration and correct it there"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Malformed_declarations_of_a_referenced_assembly_are_not_reported_in_the_referencing_compilation()
    {
        var policy = PolicyModelTests.Compile("""
            using MecCompliance;
            [assembly: ApprovedVendor("", typeof(PatronRecordAttribute), Hosts = new[] { "http://x" })]
            """, "Broken.Policy");
        var test = new Verify.Test { TestCode = "public class App { }" };
        test.TestState.AdditionalReferences.Add(policy.ToMetadataReference());
        await test.RunAsync();
    }

    [Theory]
    [InlineData("typeof(string)", "typeof(string)")]
    [InlineData("typeof(System.ObsoleteAttribute)", "typeof(System.ObsoleteAttribute)")]
    [InlineData("typeof(Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute)", "typeof(Microsoft.Extensions.Compliance.Classification.DataClassificationAttribute)")]
    [InlineData("typeof(int[])", "typeof(int[])")]
    [InlineData("null", "null")]
    public async Task Allowed_type_that_is_not_a_classification_attribute_is_reported(string allowed, string shown)
    {
        await Verify.VerifyAnalyzerAsync($$"""
            using MecCompliance;
            [assembly: {|#0:ApprovedSink("Files", typeof(PersonalDataAttribute), {{allowed}})|}]
            """,
            Mec004(0, $"Sink 'Files' is approved for {shown}, which is not a data classification attribute; {Hint}"));
    }

    [Fact]
    public async Task Classification_attribute_of_another_taxonomy_is_a_valid_approval()
    {
        await Verify.VerifyAnalyzerAsync("""
            using MecCompliance;
            using Microsoft.Extensions.Compliance.Classification;
            [assembly: ApprovedSink("Hr", typeof(EmployeeDataAttribute))]
            public sealed class EmployeeDataAttribute : DataClassificationAttribute
            {
                public EmployeeDataAttribute() : base(new DataClassification("HR", "Employee")) { }
            }
            """);
    }

    [Theory]
    [InlineData("")]
    [InlineData(", Contract = \"\"")]
    [InlineData(", Contract = \" \"")]
    [InlineData(", Contract = null")]
    public async Task Vendor_approved_for_patron_records_without_contract_is_reported(string contract)
    {
        await Verify.VerifyAnalyzerAsync($$"""
            using MecCompliance;
            [assembly: {|#0:ApprovedVendor("Ils", typeof(PatronRecordAttribute){{contract}})|}]
            """,
            Mec004(0, "Vendor 'Ils' is approved for PatronRecord but names no Contract; RSMo 182.817 lets only contracted third parties receive patron records, so set Contract = \"<contract reference>\" or remove typeof(PatronRecordAttribute)"));
    }

    [Fact]
    public async Task Vendor_approved_for_personal_data_only_needs_no_contract()
    {
        await Verify.VerifyAnalyzerAsync("""
            using MecCompliance;
            [assembly: ApprovedVendor("Mailer", typeof(PersonalDataAttribute), typeof(OrganizationalDataAttribute))]
            """);
    }

    [Theory]
    [InlineData("https://api.hoopla.example", "has a scheme; declare the bare host name 'api.hoopla.example'")]
    [InlineData("HTTPS://user@Api.Hoopla.Example:8443/v2?x=1", "has a scheme; declare the bare host name 'api.hoopla.example'")]
    [InlineData("api.hoopla.example/v2", "has a path; declare the bare host name 'api.hoopla.example'")]
    [InlineData("api.hoopla.example:443", "has a port; declare the bare host name 'api.hoopla.example'")]
    [InlineData("api.hoopla .example", "contains spaces; declare a bare host name such as 'api.vendor.example', or '*.vendor.example' for its sub-domains")]
    [InlineData("api.*.example", "has a wildcard other than a leading '*.'; declare a bare host name such as 'api.vendor.example', or '*.vendor.example' for its sub-domains")]
    [InlineData("*", "has a wildcard other than a leading '*.'; declare a bare host name such as 'api.vendor.example', or '*.vendor.example' for its sub-domains")]
    [InlineData("**.hoopla.example", "has a wildcard other than a leading '*.'; declare a bare host name such as 'api.vendor.example', or '*.vendor.example' for its sub-domains")]
    [InlineData("*.example", "has a wildcard that covers a whole top-level domain; declare a bare host name such as 'api.vendor.example', or '*.vendor.example' for its sub-domains")]
    [InlineData("api..hoopla.example", "has an empty label (a leading, trailing or doubled '.'); declare a bare host name such as 'api.vendor.example', or '*.vendor.example' for its sub-domains")]
    [InlineData("-api.hoopla.example", "has a label that starts or ends with '-'; declare a bare host name such as 'api.vendor.example', or '*.vendor.example' for its sub-domains")]
    [InlineData("api.hoopla.example!", "contains '!', which is not allowed in a host name; declare a bare host name such as 'api.vendor.example', or '*.vendor.example' for its sub-domains")]
    [InlineData("", "is empty; declare a bare host name such as 'api.vendor.example', or '*.vendor.example' for its sub-domains")]
    public async Task Host_that_is_not_a_bare_host_name_is_reported(string host, string problem)
    {
        await Verify.VerifyAnalyzerAsync($$"""
            using MecCompliance;
            [assembly: {|#0:ApprovedVendor("Hoopla", typeof(PersonalDataAttribute), Hosts = new[] { "ok.hoopla.example", "{{host}}" })|}]
            """,
            Mec004(0, $"Host '{host}' of vendor 'Hoopla' {problem}"));
    }

    [Fact]
    public async Task Null_host_is_reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using MecCompliance;
            [assembly: {|#0:ApprovedVendor("Hoopla", Hosts = new string[] { null! })|}]
            """,
            Mec004(0, "Host null of vendor 'Hoopla' is empty; declare a bare host name such as 'api.vendor.example', or '*.vendor.example' for its sub-domains"));
    }

    [Fact]
    public async Task Host_owned_by_two_vendors_is_reported_on_the_second()
    {
        await Verify.VerifyAnalyzerAsync("""
            using MecCompliance;
            [assembly: ApprovedVendor("Hoopla", Hosts = new[] { "api.shared.example" })]
            [assembly: {|#0:ApprovedVendor("Kanopy", Hosts = new[] { "API.shared.example", "*.kanopy.example" })|}]
            [assembly: ApprovedVendor("Libby", Hosts = new[] { "*.shared.example" })]
            """,
            Mec004(0, "Host 'API.shared.example' of vendor 'Kanopy' is already owned by vendor 'Hoopla' (Test0.cs line 2); a host belongs to one vendor, so remove it from one of the declarations"));
    }

    [Fact]
    public async Task Every_problem_of_one_declaration_is_reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using MecCompliance;
            [assembly: {|#0:ApprovedVendor(" ", typeof(PatronRecordAttribute), typeof(string), Hosts = new[] { "http://a.example" })|}]
            """,
            Mec004(0, "ApprovedVendor declares a vendor with an empty name; give it the name that its [Vendor(\"...\")] marks and named HttpClients use"),
            Mec004(0, $"The vendor is approved for typeof(string), which is not a data classification attribute; {Hint}"),
            Mec004(0, "The vendor is approved for PatronRecord but names no Contract; RSMo 182.817 lets only contracted third parties receive patron records, so set Contract = \"<contract reference>\" or remove typeof(PatronRecordAttribute)"),
            Mec004(0, "Host 'http://a.example' of the vendor has a scheme; declare the bare host name 'a.example'"));
    }

    [Theory]
    [InlineData("Vendor", "\"\"", "an empty", "[Vendor] has an empty name; name the vendor, as declared with [assembly: ApprovedVendor(\"...\")], that calls into 'Client' send data to")]
    [InlineData("Vendor", "null", "a null", "[Vendor] has a null name; name the vendor, as declared with [assembly: ApprovedVendor(\"...\")], that calls into 'Client' send data to")]
    [InlineData("DataSink", "\"  \"", "an empty", "[DataSink] has an empty name; name the sink, as declared with [assembly: ApprovedSink(\"...\")], that 'Client' stores data in")]
    public async Task Mark_with_blank_name_on_a_type_is_reported(string attribute, string name, string what, string message)
    {
        _ = what;
        await Verify.VerifyAnalyzerAsync($$"""
            using MecCompliance;
            [{|#0:{{attribute}}({{name}})|}]
            public class Client { }
            """,
            Mec004(0, message));
    }

    [Fact]
    public async Task Mark_with_blank_name_on_a_method_is_reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using MecCompliance;
            public interface IRepository
            {
                [{|#0:DataSink("")|}] void Save();
                [DataSink("PatronDb")] void Load();
            }
            """,
            Mec004(0, "[DataSink] has an empty name; name the sink, as declared with [assembly: ApprovedSink(\"...\")], that 'Save' stores data in"));
    }

    [Theory]
    [InlineData("[assembly: ApprovedVendor]")]
    [InlineData("[assembly: ApprovedVendor(42)]")]
    [InlineData("[assembly: ApprovedVendor(\"X\", typeof(Missing))]")]
    [InlineData("[assembly: ApprovedVendor(\"X\", typeof(PersonalDataAttribute), Hosts = 5)]")]
    [InlineData("[assembly: ApprovedVendor(\"X\", typeof(PersonalDataAttribute), Hosts = new[] { 1 })]")]
    [InlineData("[assembly: ApprovedVendor(\"X\", Contract = 7)]")]
    [InlineData("[assembly: ApprovedVendor(\"X\", (System.Type[])null)]")]
    [InlineData("[assembly: ApprovedVendor(\"X\", Hosts = null)]")]
    [InlineData("[assembly: ApprovedVendor(\"X\", typeof(PersonalDataAttribute), Hosts = new[] { Missing.Host })]")]
    [InlineData("[assembly: ApprovedVendor(Missing.Name)]")]
    [InlineData("[assembly: ApprovedSink(\"X\", new System.Type[] { typeof(PersonalDataAttribute), typeof(Missing) })]")]
    [InlineData("[assembly: ApprovedSink(\"X\", typeof(PersonalDataAttribute)")]
    [InlineData("[assembly: ApprovedSink(\"X\", typeof(PersonalDataAttribute))] [assembly: ApprovedSink(]")]
    [InlineData("[Vendor] class C { }")]
    [InlineData("[Vendor(1)] class C { }")]
    [InlineData("[DataSink(Missing.Name)] class C { }")]
    [InlineData("[DataSink(\"a\", \"b\")] class C { }")]
    [InlineData("class C { [Vendor(\"\" + )] void M() { } }")]
    public async Task Any_argument_shape_never_makes_the_analyzer_throw(string code)
    {
        var diagnostics = await AnalyzerRun.DiagnosticsAsync(new PolicyDeclarationAnalyzer(), "using MecCompliance;\n" + code);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.DoesNotContain(diagnostics, d => d.Id == "MEC004");
    }

    [Fact]
    public async Task Every_prefix_of_a_policy_file_is_analyzed_without_throwing()
    {
        const string source = """
            using MecCompliance;
            [assembly: ApprovedVendor("OverDrive", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute),
                Hosts = new[] { "patron.overdrive.example", "*.cdn.overdrive.example" }, Contract = "MEC-2023-007")]
            [assembly: ApprovedSink("PatronDb", new System.Type[] { typeof(PatronRecordAttribute) })]
            [Vendor("OverDrive")] public interface IOverDrive { void Send([PatronRecord] string cardNumber); }
            public record Patron(int Id, [PersonalData] string Email, string Phone);
            public class Dto { public string EmailAddress { get; set; } = ""; private readonly string _ssn = ""; }
            """;

        // Code being typed is mostly code that does not compile: every cut must analyze cleanly.
        for (var length = 0; length <= source.Length; length += 11)
        {
            foreach (var analyzer in ValidCodeTests.AllAnalyzers())
            {
                var diagnostics = await AnalyzerRun.DiagnosticsAsync(analyzer, source.Substring(0, length));
                Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            }
        }
    }

    [Fact]
    public async Task Negative_backup_retention_is_reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using MecCompliance;
            [assembly: {|#0:ApprovedSink("PatronDb", typeof(PersonalDataAttribute), BackupRetentionDays = -30)|}]
            """,
            Mec004(0, "Sink 'PatronDb' declares BackupRetentionDays = -30; it is the number of days erased data may persist on the sink's backup media, so declare 0 or more (0 = not declared)"));
    }

    [Fact]
    public async Task Zero_or_positive_backup_retention_is_not_reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using MecCompliance;
            [assembly: ApprovedSink("PatronDb", typeof(PersonalDataAttribute), BackupRetentionDays = 35)]
            [assembly: ApprovedSink("Reports", typeof(OrganizationalDataAttribute), BackupRetentionDays = 0)]
            """);
    }

    [Fact]
    public async Task Eraser_or_corrector_naming_an_undeclared_sink_is_reported_on_its_attribute()
    {
        await Verify.VerifyAnalyzerAsync("""
            using MecCompliance;
            [assembly: ApprovedSink("PatronDb", typeof(PersonalDataAttribute))]

            public class Requests
            {
                [{|#0:ErasesPersonalData("PatronDB2")|}]
                public void Erase(int patronId) { }

                [{|#1:CorrectsPersonalData("")|}]
                public void Correct(int patronId) { }
            }
            """,
            Mec004(0, "[ErasesPersonalData(\"PatronDB2\")] on 'Erase' names sink 'PatronDB2', which no [assembly: ApprovedSink(\"PatronDB2\", ...)] declares; name a declared sink ('PatronDb') or declare it"),
            Mec004(1, "[CorrectsPersonalData] has an empty sink name; name the sink, as declared with [assembly: ApprovedSink(\"...\")], whose data 'Correct' corrects"));
    }

    [Fact]
    public async Task Eraser_and_corrector_naming_a_declared_sink_are_not_reported()
    {
        await Verify.VerifyAnalyzerAsync("""
            using MecCompliance;
            [assembly: ApprovedSink("PatronDb", typeof(PersonalDataAttribute))]

            public class Requests
            {
                [ErasesPersonalData("patrondb")]
                public void Erase(int patronId) { }

                [CorrectsPersonalData("PatronDb")]
                public void Correct(int patronId) { }
            }
            """);
    }

    private static MetadataReference ConsortiumPolicyAssembly()
    {
        var policy = PolicyModelTests.Compile("""
            using MecCompliance;
            [assembly: ApprovedVendor("OverDrive", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute),
                Hosts = new[] { "patron.overdrive.example" }, Contract = "MEC-2023-007")]
            """, "Consortium.Policy");
        using var image = new MemoryStream();
        Assert.True(policy.Emit(image).Success);
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
