// Span-based public APIs (MecHmacRedactor's key) are outside the CLS; say so rather than let callers guess.
[assembly: System.CLSCompliant(false)]
