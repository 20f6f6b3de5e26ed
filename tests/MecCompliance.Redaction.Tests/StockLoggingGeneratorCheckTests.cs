using System.CodeDom.Compiler;
using System.Reflection;
using System.Reflection.Emit;
using MecCompliance.Redaction.Startup;
using Microsoft.Extensions.Logging;

namespace MecCompliance.Redaction.Tests;

public sealed class StockLoggingGeneratorCheckTests
{
    // An assembly shaped like the stock generator's output: the generator cannot be run in this project (the
    // redaction-aware one replaces it), so the method's metadata is emitted as the stock generator leaves it.
    private static Assembly EmitLoggingMethod(string tool, Type parameterAttribute)
    {
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("StockGenerated" + Guid.NewGuid().ToString("N")), AssemblyBuilderAccess.Run);
        var type = assembly.DefineDynamicModule("m").DefineType("Consortium.Log", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed);
        var method = type.DefineMethod("CheckedOut", MethodAttributes.Public | MethodAttributes.Static, typeof(void), [typeof(ILogger), typeof(string)]);
        method.SetCustomAttribute(new CustomAttributeBuilder(
            typeof(LoggerMessageAttribute).GetConstructor([typeof(int), typeof(LogLevel), typeof(string)])!, [1, LogLevel.Information, "Card {Card}"]));
        method.SetCustomAttribute(new CustomAttributeBuilder(
            typeof(GeneratedCodeAttribute).GetConstructor([typeof(string), typeof(string)])!, [tool, "8.0.0"]));
        method.DefineParameter(1, ParameterAttributes.None, "logger");
        method.DefineParameter(2, ParameterAttributes.None, "card")
            .SetCustomAttribute(new CustomAttributeBuilder(parameterAttribute.GetConstructor(Type.EmptyTypes)!, []));
        method.GetILGenerator().Emit(OpCodes.Ret);
        type.CreateType();
        return assembly;
    }

    [Fact]
    public void A_classified_parameter_in_a_stock_generated_logging_method_is_reported_with_the_fix()
    {
        var problem = Assert.Single(StockLoggingGeneratorCheck.FindProblems(
            EmitLoggingMethod("Microsoft.Extensions.Logging.Generators", typeof(PatronRecordAttribute))));

        Assert.Contains("Consortium.Log.CheckedOut logs the classified parameter 'card'", problem, StringComparison.Ordinal);
        Assert.Contains("without PrivateAssets=\"all\"", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_method_from_the_redaction_aware_generator_is_not_reported()
    {
        Assert.Empty(StockLoggingGeneratorCheck.FindProblems(EmitLoggingMethod("Microsoft.Gen.Logging", typeof(PatronRecordAttribute))));
    }

    [Fact]
    public void A_stock_generated_method_without_classified_parameters_is_not_reported()
    {
        Assert.Empty(StockLoggingGeneratorCheck.FindProblems(
            EmitLoggingMethod("Microsoft.Extensions.Logging.Generators", typeof(ObsoleteAttribute))));
    }

    [Fact]
    public void This_project_which_references_the_package_has_nothing_to_report()
    {
        Assert.Empty(StockLoggingGeneratorCheck.FindProblems(typeof(PatronLog).Assembly));
    }
}
