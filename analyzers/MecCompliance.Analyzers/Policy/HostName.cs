namespace MecCompliance.Analyzers.Policy;

/// <summary>
/// The host names a vendor may declare: a bare DNS name (<c>api.vendor.example</c>) or a leading wildcard for its
/// sub-domains (<c>*.vendor.example</c>). Anything else (a URL, a port, a path) would never match a request's host, so
/// the vendor would silently own nothing.
/// </summary>
internal static class HostName
{
    private const int MaxLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary>
    /// Whether <paramref name="host"/> is a valid declared host; otherwise <paramref name="problem"/> says why and
    /// <paramref name="suggestion"/> is the bare host it probably meant, when one can be derived.
    /// </summary>
    public static bool IsValid(string? host, out string problem, out string? suggestion)
    {
        problem = "";
        suggestion = null;
        if (host is null || host.Trim().Length == 0)
        {
            problem = "is empty";
            return false;
        }

        problem = FindProblem(host);
        if (problem.Length == 0)
        {
            return true;
        }

        var derived = Strip(host);
        if (derived.Length > 0 && !string.Equals(derived, host, StringComparison.Ordinal) && FindProblem(derived).Length == 0)
        {
            suggestion = derived;
        }

        return false;
    }

    private static string FindProblem(string host)
    {
        if (host.IndexOf("://", StringComparison.Ordinal) >= 0)
        {
            return "has a scheme";
        }

        if (host.Any(char.IsWhiteSpace))
        {
            return "contains spaces";
        }

        if (host.IndexOf('/') >= 0 || host.IndexOf('\\') >= 0)
        {
            return "has a path";
        }

        if (host.IndexOf('?') >= 0 || host.IndexOf('#') >= 0)
        {
            return "has a query or fragment";
        }

        if (host.IndexOf('@') >= 0)
        {
            return "has user information";
        }

        if (host.IndexOf(':') >= 0)
        {
            return "has a port";
        }

        var name = host;
        if (host.StartsWith("*.", StringComparison.Ordinal))
        {
            name = host.Substring(2);
            if (name.IndexOf('.') < 0)
            {
                return "has a wildcard that covers a whole top-level domain";
            }
        }

        if (name.IndexOf('*') >= 0)
        {
            return "has a wildcard other than a leading '*.'";
        }

        if (name.Length > MaxLength)
        {
            return "is longer than 253 characters";
        }

        foreach (var label in name.Split('.'))
        {
            if (label.Length == 0)
            {
                return "has an empty label (a leading, trailing or doubled '.')";
            }

            if (label.Length > MaxLabelLength)
            {
                return "has a label longer than 63 characters";
            }

            if (label[0] == '-' || label[label.Length - 1] == '-')
            {
                return "has a label that starts or ends with '-'";
            }

            foreach (var c in label)
            {
                if (!char.IsLetterOrDigit(c) && c != '-' && c != '_')
                {
                    return "contains '" + c + "', which is not allowed in a host name";
                }
            }
        }

        return "";
    }

    // The bare host inside what was probably pasted from a URL: "https://user@api.example:443/v1?q" -> "api.example".
    private static string Strip(string host)
    {
        var value = host.Trim();
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            value = value.Substring(scheme + 3);
        }

        var end = value.IndexOfAny(['/', '?', '#', '\\']);
        if (end >= 0)
        {
            value = value.Substring(0, end);
        }

        var at = value.LastIndexOf('@');
        if (at >= 0)
        {
            value = value.Substring(at + 1);
        }

        var colon = value.IndexOf(':');
        if (colon >= 0)
        {
            value = value.Substring(0, colon);
        }

        return value.TrimEnd('.').ToLowerInvariant();
    }

    /// <summary>The form hosts are compared in: lower case, without a trailing dot.</summary>
    public static string Normalize(string host) => host.Trim().TrimEnd('.').ToLowerInvariant();
}
