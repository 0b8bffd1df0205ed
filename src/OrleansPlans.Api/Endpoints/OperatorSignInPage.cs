using System.Text.Encodings.Web;
using OrleansPlans.Api.Authentication;

namespace OrleansPlans.Api.Endpoints;

/// <summary>The sign-in form: one password field for the operator key, posted to the same address (no script needed).</summary>
internal static class OperatorSignInPage
{
    public static string Render(string returnUrl, string? error)
    {
        var encoder = HtmlEncoder.Default;
        var message = error is null ? "" : $"""<p class="error" role="alert">{encoder.Encode(error)}</p>""";
        return $$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>OrleansPlans operator sign-in</title>
              <style>
                body { font: 16px system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; }
                input { width: 100%; padding: .5rem; margin: .5rem 0 1rem; box-sizing: border-box; }
                .error { color: #b00020; }
              </style>
            </head>
            <body>
              <h1>Operator sign-in</h1>
              <p>This page is for operators: give one of the operator keys (<code>Api:OperatorKeys</code>; a dev run prints
                one). The browser then keeps a cookie for this session instead of the key.</p>
              {{message}}
              <form method="post" action="{{OperatorSignInDefaults.SignInPath}}">
                <label for="key">Operator key</label>
                <input id="key" name="key" type="password" autocomplete="off" required autofocus>
                <input type="hidden" name="returnUrl" value="{{encoder.Encode(returnUrl)}}">
                <button type="submit">Sign in</button>
              </form>
            </body>
            </html>
            """;
    }
}
