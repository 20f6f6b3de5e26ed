using System.Globalization;
using MecCompliance.Redaction;
using Microsoft.EntityFrameworkCore;
using PatronServices.Data;
using PatronServices.Libraries;
using PatronServices.Patrons;
using PatronServices.Vendors;

var builder = WebApplication.CreateBuilder(args);

// Redactors per class and redacting logs in one call; start-up fails if either is missing (section "MecCompliance").
builder.Logging.AddMecCompliance();

builder.Services.AddDbContext<PatronDb>(options =>
    options.UseSqlite(builder.Configuration.GetConnectionString("PatronDb") ?? "Data Source=patronservices.db"));

// The vendor gate refuses, before sending, any request to a host that no ApprovedVendor declaration owns.
builder.Services.AddHttpClient<OverDriveClient>(client => client.BaseAddress = new Uri("https://patron.overdrive.example/"))
    .AddMecVendorGate();
builder.Services.AddHttpClient<CollectionsAgencyClient>(client => client.BaseAddress = new Uri("https://api.midwestcollections.example/"))
    .AddMecVendorGate();
builder.Services.AddScoped<CirculationService>();
builder.Services.AddScoped<FinesService>();
builder.Services.AddScoped<LibraryDirectory>();

// Every sink that holds personal data needs an eraser, or the service refuses to start (the erasure check of
// AddMecCompliance); IDataSubjectRequests runs them all and audits each without the patron id in clear.
builder.Services.AddPersonalDataEraser<PatronEraser>();

var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    scope.ServiceProvider.GetRequiredService<PatronDb>().Database.EnsureCreated();
}

app.MapGet("/libraries", (LibraryDirectory directory, CancellationToken ct) => directory.AllAsync(ct));

app.MapPut("/libraries/{id:int}/name", async (int id, string name, LibraryDirectory directory, CancellationToken ct) =>
    await directory.RenameAsync(id, name, ct) is { } library ? Results.Ok(library) : Results.NotFound());

app.MapPost("/patrons", async (Patron patron, CirculationService circulation, CancellationToken ct) =>
{
    var registered = await circulation.RegisterAsync(patron, ct);
    return Results.Created($"/patrons/{registered.Id}", registered);
});

// A patron's request to have their information removed: the receipt says what was erased, and until when the erased
// data may persist on the database's backups.
app.MapDelete("/patrons/{id:int}", async (int id, IDataSubjectRequests requests, CancellationToken ct) =>
{
    var receipt = await requests.EraseAsync(id.ToString(CultureInfo.InvariantCulture), ct);
    return receipt.AllErased ? Results.Ok(receipt) : Results.Json(receipt, statusCode: StatusCodes.Status500InternalServerError);
});

app.MapGet("/patrons/{id:int}/loans", (int id, CirculationService circulation, CancellationToken ct) =>
    circulation.OpenLoansAsync(id, ct));

app.MapPost("/patrons/{id:int}/holds", async (int id, string title, CirculationService circulation, CancellationToken ct) =>
    await circulation.PlaceHoldAsync(id, title, ct) is { } hold ? Results.Ok(hold) : Results.NotFound());

app.MapPost("/patrons/{id:int}/ebooks/{titleId}", async (int id, string titleId, CirculationService circulation, CancellationToken ct) =>
    await circulation.CheckoutEbookAsync(id, titleId, ct) is { } checkout ? Results.Ok(checkout) : Results.NotFound());

app.MapPost("/patrons/{id:int}/collections", async (int id, FinesService fines, CancellationToken ct) =>
    await fines.ReferIfOverdueAsync(id, ct) ? Results.Accepted() : Results.NoContent());

app.Run();
