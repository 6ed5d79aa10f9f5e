using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Bellwether.Dashboard.Import;

/// <summary>
/// Blazor's <see cref="InputFile"/>, telling its page once the browser listens for a choice. The input exists in the
/// page a moment before its script is attached; files chosen in that moment are lost without a word (the Import button
/// then never enables). The page keeps the input disabled until <see cref="Ready"/> fires.
/// </summary>
public sealed class ReadyInputFile : InputFile
{
    /// <summary>Called once, after the browser has attached the input's listener.</summary>
    [Parameter]
    public EventCallback Ready { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The base awaits the browser's answer to its init call, so the listener is in place when this continues.
        await base.OnAfterRenderAsync(firstRender);
        if (firstRender)
        {
            await Ready.InvokeAsync();
        }
    }
}
