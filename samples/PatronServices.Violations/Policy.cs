using MecCompliance;

[assembly: ApprovedVendor("OverDrive", typeof(PatronRecordAttribute),
    Hosts = new[] { "patron.overdrive.example" }, Contract = "MEC-2023-007")]
// MEC007 (warning): PatronDb holds patron records and personal data, but no method is marked [ErasesPersonalData("PatronDb")].
[assembly: ApprovedSink("PatronDb", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute))]

// MEC004: a vendor approved for patron records must name the contract that binds it (RSMo 182.817).
[assembly: ApprovedVendor("Libby", typeof(PatronRecordAttribute), Hosts = new[] { "api.libby.example" })]
