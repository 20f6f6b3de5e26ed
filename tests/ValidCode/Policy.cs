using MecCompliance;

// The consortium's register of approvals for this service (reviewed like any other code change).
[assembly: ApprovedVendor("OverDrive", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute),
    Hosts = new[] { "patron.overdrive.example", "*.cdn.overdrive.example" }, Contract = "MEC-2023-007")]
[assembly: ApprovedVendor("MailRelay", typeof(PersonalDataAttribute), Hosts = new[] { "api.mailrelay.example" })]
[assembly: ApprovedVendor("MemberDirectory", typeof(OrganizationalDataAttribute), Hosts = new[] { "directory.moevergreen.example" })]
[assembly: ApprovedVendor("Weather", Hosts = new[] { "api.weather.example" })]
[assembly: ApprovedSink("PatronDb", typeof(PatronRecordAttribute), typeof(PersonalDataAttribute), typeof(OrganizationalDataAttribute))]
[assembly: ApprovedSink("Reports", typeof(OrganizationalDataAttribute))]
