// The runtime package is built in the runtime issue; this file keeps the project compiling until then.
[assembly: System.CLSCompliant(false)]
