using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace MecCompliance.Redaction.Policy;

/// <summary>The declared sinks: which must have an eraser, and how long each keeps erased data on its backups.</summary>
internal sealed class SinkPolicy
{
    private readonly Dictionary<string, DeclaredSink> _sinks = new(StringComparer.Ordinal);

    public SinkPolicy(IEnumerable<(ApprovedSinkAttribute Declaration, string Assembly)> declarations)
    {
        foreach (var (declaration, assembly) in declarations.Where(static d => !string.IsNullOrWhiteSpace(d.Declaration.Name)))
        {
            var allowed = declaration.Allowed.Where(static t => t is not null).ToArray();
            var retention = Math.Max(0, declaration.BackupRetentionDays);

            // A name declared twice is MEC004 at build time; at run time the union is what must be erasable, and the
            // longer retention the one to promise.
            _sinks[declaration.Name] = _sinks.TryGetValue(declaration.Name, out var earlier)
                ? earlier with
                {
                    Allowed = earlier.Allowed.Union(allowed).ToArray(),
                    BackupRetentionDays = Math.Max(earlier.BackupRetentionDays, retention),
                }
                : new DeclaredSink(declaration.Name, allowed, retention, assembly);
        }
    }

    public IEnumerable<DeclaredSink> Sinks => _sinks.Values.OrderBy(static s => s.Name, StringComparer.Ordinal);

    public static SinkPolicy From(MecDataSubjectRequestOptions options) =>
        new(PolicyAssemblies.Resolve(options.IncludeEntryAssembly, options.PolicyAssemblies, options.PolicyAssemblyNames)
            .SelectMany(static a => a.GetCustomAttributes<ApprovedSinkAttribute>().Select(d => (d, a.GetName().Name ?? a.FullName ?? "?"))));

    public DeclaredSink? Find(string sink) => _sinks.TryGetValue(sink, out var declared) ? declared : null;

    internal sealed record DeclaredSink(string Name, Type[] Allowed, int BackupRetentionDays, string Assembly)
    {
        // Deny by default, as the redactors are: every class but organizational data (a foreign classification too) is
        // someone's personal information, which the policy promises can be deleted.
        public IEnumerable<Type> PersonalClasses => Allowed.Where(static t => t != typeof(OrganizationalDataAttribute));

        public bool NeedsEraser => PersonalClasses.Any();
    }
}
