using MecCompliance.Analyzers.Baseline;
using Microsoft.CodeAnalysis.CSharp;

namespace MecCompliance.Analyzers.Tests.Baseline;

/// <summary>How a baseline names the member that contains a finding: from declarations, never from positions.</summary>
public sealed class ContainingMemberTests
{
    private const string Source = """
        [assembly: System.Reflection.AssemblyTitle("/*assembly*/x")]

        namespace Library.Circulation
        {
            public sealed class Desk<T>
            {
                private string note = /*field*/"";

                public Desk() { var a = /*ctor*/1; }

                public string Name
                {
                    get => /*get*/"";
                    set { var b = /*set*/value; }
                }

                public string this[int index, string key] => /*indexer*/"";

                public void Renew(Patron patron, System.Collections.Generic.Dictionary<string,  int> map)
                {
                    void Local() { var c = /*local*/1; }
                    System.Action act = () => { var d = /*lambda*/2; };
                }

                public void Renew(Patron patron) { var e = /*overload*/3; }

                public static U Convert<U>(ref T value) => /*generic*/default!;

                private sealed class Ledger
                {
                    public int Count => /*nested*/0;
                }
            }

            public sealed class Patron
            {
            }
        }
        """;

    [Theory]
    [InlineData("assembly", "<assembly attributes>")]
    [InlineData("field", "Library.Circulation.Desk`1.note")]
    [InlineData("ctor", "Library.Circulation.Desk`1..ctor()")]
    [InlineData("get", "Library.Circulation.Desk`1.Name.get")]
    [InlineData("set", "Library.Circulation.Desk`1.Name.set")]
    [InlineData("indexer", "Library.Circulation.Desk`1.this[int, string]")]
    [InlineData("local", "Library.Circulation.Desk`1.Renew(Patron, System.Collections.Generic.Dictionary<string,int>)")]
    [InlineData("lambda", "Library.Circulation.Desk`1.Renew(Patron, System.Collections.Generic.Dictionary<string,int>)")]
    [InlineData("overload", "Library.Circulation.Desk`1.Renew(Patron)")]
    [InlineData("generic", "Library.Circulation.Desk`1.Convert`1(ref T)")]
    [InlineData("nested", "Library.Circulation.Desk`1.Ledger.Count")]
    public void Member_is_named_by_its_declarations(string marker, string expected)
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        var position = Source.IndexOf($"/*{marker}*/", StringComparison.Ordinal) + marker.Length + 4;
        var token = tree.GetRoot().FindToken(position);

        Assert.Equal(expected, ContainingMember.Of(token.Parent!));
    }

    [Fact]
    public void Whitespace_and_lines_before_the_member_do_not_change_its_name()
    {
        var moved = "\n\n\n" + Source.Replace("public void Renew(Patron patron) {", "public  void  Renew( Patron   patron )\n        {", StringComparison.Ordinal);
        var tree = CSharpSyntaxTree.ParseText(moved);
        var token = tree.GetRoot().FindToken(moved.IndexOf("/*overload*/", StringComparison.Ordinal) + 12);

        Assert.Equal("Library.Circulation.Desk`1.Renew(Patron)", ContainingMember.Of(token.Parent!));
    }
}
