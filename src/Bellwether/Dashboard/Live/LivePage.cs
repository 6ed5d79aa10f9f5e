using Bellwether.Cli;
using Bellwether.Core.Budget;
using Bellwether.Services;
using Bellwether.Storage;
using Microsoft.AspNetCore.Components;

namespace Bellwether.Dashboard.Live;

/// <summary>
/// A page that loads its data off the circuit's thread, shows that it is loading, and loads again when the store's data
/// changes (<see cref="DataChangeNotifier"/>), without the user reloading. Subclasses say what to load; a user's
/// mistake, a store problem or a load past the request time budget (<see cref="ApiLimits.TimeBudget"/>) becomes a
/// message on the page, and a bug a line naming its logged trace — never a broken circuit.
/// </summary>
/// <typeparam name="TData">What the page shows, loaded in one piece and swapped in on the circuit's thread.</typeparam>
public abstract class LivePage<TData> : ComponentBase, IDisposable
    where TData : class
{
    private IDisposable? _subscription;
    private readonly CancellationTokenSource _loads = new();
    private int _generation;
    private string? _loadedKey;
    private bool _disposed;

    [Inject]
    private DataChangeNotifier Notifier { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [Inject]
    private ErrorLog Errors { get; set; } = null!;

    [Inject]
    private ApiLimits Limits { get; set; } = null!;

    /// <summary>The data shown; null until the first load succeeds.</summary>
    protected TData? Data { get; private set; }

    /// <summary>True until the first load is done.</summary>
    protected bool Loading { get; private set; } = true;

    /// <summary>True while a load after a data change runs (the old figures stay on screen meanwhile).</summary>
    protected bool Refreshing { get; private set; }

    /// <summary>Why the last load failed, in one line; null when it did not.</summary>
    protected string? Problem { get; private set; }

    /// <summary>When the data shown was last reloaded after a change, for the page to say so.</summary>
    protected DateTimeOffset? UpdatedAt { get; private set; }

    public void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
        _loads.Cancel();
        _loads.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Loads the page's data; runs on a thread-pool thread, so it may block on the store and the engine.</summary>
    protected abstract TData Load(CancellationToken cancellation);

    /// <summary>
    /// What the page's parameters ask for (a rep's id, a query string), in one string: when a link leads to the same
    /// page with other parameters, Blazor keeps the component, and a change of this key loads again.
    /// </summary>
    protected virtual string LoadKey => "";

    protected override async Task OnInitializedAsync()
    {
        _subscription = Notifier.Subscribe(OnDataChanged);
        _loadedKey = LoadKey;
        await ReloadAsync(afterChange: false);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedKey is not null && _loadedKey != LoadKey)
        {
            _loadedKey = LoadKey;
            Loading = true;
            Data = null;
            await ReloadAsync(afterChange: false);
        }
    }

    private void OnDataChanged(DataChange change) => _ = InvokeAsync(() => ReloadAsync(afterChange: true));

    /// <summary>Loads again, e.g. after the user changed what the page shows.</summary>
    protected Task ReloadAsync() => ReloadAsync(afterChange: false);

    private async Task ReloadAsync(bool afterChange)
    {
        if (_disposed)
        {
            // A change announced just before the user left: the page is gone, and so is its token source.
            return;
        }

        var generation = ++_generation;
        var token = _loads.Token;
        Refreshing = !Loading;
        StateHasChanged();
        string? problem = null;
        TData? data = null;
        using var spent = new CancellationTokenSource(Limits.TimeBudget, Clock);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(token, spent.Token);
        try
        {
            data = await Task.Run(() => Load(budget.Token), budget.Token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            problem = ApiLimits.Exceeded(Limits.TimeBudget);
        }
        catch (Exception e) when (e is UserErrorException or StoreException or WorkTooLargeException)
        {
            problem = e.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug: the page says so and where its trace is, as the API's 500 does; the message itself may say too much.
            var id = Errors.Write(e, $"dashboard page {GetType().Name}", Clock.GetUtcNow());
            problem = $"an unexpected error (a bug in bellwether) — its trace is logged as error {id} in {Errors.Path}";
        }

        if (generation != _generation)
        {
            // A newer load started meanwhile; its result is the one to show.
            return;
        }

        Problem = problem;
        Data = data ?? Data;
        Loading = false;
        Refreshing = false;
        if (afterChange)
        {
            UpdatedAt = Clock.GetUtcNow();
        }

        StateHasChanged();
    }
}
