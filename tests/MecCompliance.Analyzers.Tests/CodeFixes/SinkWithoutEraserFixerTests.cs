using MecCompliance.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = MecCompliance.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    MecCompliance.Analyzers.Rules.SinkWithoutEraserAnalyzer,
    MecCompliance.CodeFixes.SinkWithoutEraserFixer>;

namespace MecCompliance.Analyzers.Tests.CodeFixes;

/// <summary>MEC007's fix: an eraser stub in the sink's own code that does not build until the deletion is written.</summary>
public sealed class SinkWithoutEraserFixerTests
{
    private const string Policy = """
        using MecCompliance;
        [assembly: {|MEC007:ApprovedSink("PatronDb", typeof(PersonalDataAttribute), BackupRetentionDays = 35)|}]
        """;

    private const string FixedPolicy = """
        using MecCompliance;
        [assembly: ApprovedSink("PatronDb", typeof(PersonalDataAttribute), BackupRetentionDays = 35)]
        """;

    private const string FillIn =
        "Fill in: delete or anonymise this data subject's data in PatronDb, through the sink's code (MEC008 checks it is reached), then remove this line";

    // MEC007 is a compilation-end finding (not local to one document); the IDE offers its fix where it shows it.
    private static Verify.Test NewTest() => new() { CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck };

    [Fact]
    public async Task Eraser_stub_is_added_to_the_DbContext_marked_for_the_sink_and_does_not_compile_until_filled_in()
    {
        var test = NewTest();
        test.TestState.Sources.Add(("/Policy.cs", Policy));
        test.TestState.Sources.Add(("/Stubs.cs", StorageStubs.Source));
        test.TestState.Sources.Add(("/PatronDb.cs", """
            using MecCompliance;
            using Microsoft.EntityFrameworkCore;

            [DataSink("PatronDb")]
            public class PatronDb : DbContext
            {
                public int Version => 1;
            }
            """));
        test.FixedState.Sources.Add(("/Policy.cs", FixedPolicy));
        test.FixedState.Sources.Add(("/Stubs.cs", StorageStubs.Source));
        test.FixedState.Sources.Add(("/PatronDb.cs", """
            using MecCompliance;
            using Microsoft.EntityFrameworkCore;

            [DataSink("PatronDb")]
            public class PatronDb : DbContext
            {
                public int Version => 1;

                /// <summary>Deletes or anonymises one data subject's personal data in sink 'PatronDb' (the privacy policy's "Updating or Removing Information").</summary>
                [ErasesPersonalData("PatronDb")]
                public System.Threading.Tasks.ValueTask ErasePersonalDataAsync(string subjectId, System.Threading.CancellationToken cancellationToken)
                {
            #error Fill in: delete or anonymise this data subject's data in PatronDb, through the sink's code (MEC008 checks it is reached), then remove this line
                    throw new System.NotImplementedException();
                }
            }
            """));
        test.FixedState.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CS1029").WithSpan("/PatronDb.cs", 13, 8, 13, 151).WithArguments(FillIn));

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Without_a_class_marked_for_the_sink_the_stub_goes_into_a_new_file()
    {
        var test = NewTest();
        test.TestState.Sources.Add(("/Policy.cs", Policy));
        test.FixedState.Sources.Add(("/Policy.cs", FixedPolicy));
        test.FixedState.Sources.Add(("/PatronDbErasure.cs", """
            /// <summary>Erasure for sink 'PatronDb'. No class of this project is marked for it: the eraser must call into the code that stores in it (MEC008).</summary>
            public sealed class PatronDbErasure
            {
                /// <summary>Deletes or anonymises one data subject's personal data in sink 'PatronDb' (the privacy policy's "Updating or Removing Information").</summary>
                [MecCompliance.ErasesPersonalData("PatronDb")]
                public System.Threading.Tasks.ValueTask ErasePersonalDataAsync(string subjectId, System.Threading.CancellationToken cancellationToken)
                {
            #error Fill in: delete or anonymise this data subject's data in PatronDb, through the sink's code (MEC008 checks it is reached), then remove this line
                    throw new System.NotImplementedException();
                }
            }

            """));
        test.FixedState.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CS1029").WithSpan("/PatronDbErasure.cs", 8, 8, 8, 151).WithArguments(FillIn));

        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_sink_that_already_has_an_eraser_offers_no_fix()
    {
        await Verify.VerifyNoCodeFixAsync("""
            using MecCompliance;
            [assembly: ApprovedSink("PatronDb", typeof(PersonalDataAttribute))]

            public class Erasure
            {
                [ErasesPersonalData("PatronDb")]
                public void Erase(int patronId) { }
            }
            """);
    }
}
