using MecCompliance;

// The consortium's register of approvals for this service, reviewed like any other code change.
// OverDrive receives card numbers to authenticate e-book checkouts under the consortium's contract.
[assembly: ApprovedVendor("OverDrive", typeof(PatronRecordAttribute),
    Hosts = new[] { "patron.overdrive.example" }, Contract = "MEC-2023-007")]

// The collections agency may receive contact details of patrons with long-overdue fines, never their records.
[assembly: ApprovedVendor("MidwestCollections", typeof(PersonalDataAttribute),
    Hosts = new[] { "api.midwestcollections.example" }, Contract = "MEC-2024-012")]

// Approved by the consortium for audio-book lending; this service does not use it (yet), and the report says so.
[assembly: ApprovedVendor("hoopla", typeof(PatronRecordAttribute),
    Hosts = new[] { "*.hoopladigital.example" }, Contract = "MEC-2022-031")]

// The circulation database inside MEC's secure environment. Its nightly backups are kept 35 days: a patron's erased
// data may persist on them that long, and the erasure receipt says until when.
[assembly: ApprovedSink("PatronDb", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute), typeof(OrganizationalDataAttribute),
    BackupRetentionDays = 35)]
