using MecCompliance;

[assembly: ApprovedVendor("OverDrive", typeof(PatronRecordAttribute),
    Hosts = new[] { "patron.overdrive.example" }, Contract = "MEC-2023-007")]

[assembly: ApprovedSink("PatronDb", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute))]

// MEC004: a vendor approved for patron records must name the contract that binds it (RSMo 182.817).
[assembly: ApprovedVendor("Libby", typeof(PatronRecordAttribute), Hosts = new[] { "api.libby.example" })]
