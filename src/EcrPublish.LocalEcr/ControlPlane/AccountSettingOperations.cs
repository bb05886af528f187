using System.Text.Json.Nodes;
using EcrPublish.LocalEcr.Storage;

namespace EcrPublish.LocalEcr.ControlPlane;

/// <summary>GetAccountSetting and PutAccountSetting: registry-wide switches, persisted with the registry's settings.</summary>
internal sealed class AccountSettingOperations(RegistrySettingsStore settings)
{
    public IEnumerable<KeyValuePair<string, EcrOperation>> All() =>
    [
        new("GetAccountSetting", GetAccountSettingAsync),
        new("PutAccountSetting", PutAccountSettingAsync),
    ];

    private Task<JsonObject> GetAccountSettingAsync(EcrCall call)
    {
        var name = KnownName(call);
        return Task.FromResult(Setting(name, AccountSettingCatalog.ValueOf(settings.Current, name)));
    }

    private Task<JsonObject> PutAccountSettingAsync(EcrCall call)
    {
        var name = KnownName(call);
        var value = call.RequiredString("value");
        var allowed = AccountSettingCatalog.AllowedValues[name];
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            throw EcrErrors.InvalidParameter($"Invalid value '{value}' for account setting '{name}'. Valid values: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}");
        }

        settings.Update(current => current.AccountSettings[name] = value);
        return Task.FromResult(Setting(name, value));
    }

    private static string KnownName(EcrCall call)
    {
        var name = call.RequiredString("name");
        return AccountSettingCatalog.AllowedValues.ContainsKey(name)
            ? name
            : throw EcrErrors.InvalidParameter($"Invalid account setting name '{name}'. Valid names: {string.Join(", ", AccountSettingCatalog.AllowedValues.Keys.Order(StringComparer.Ordinal))}");
    }

    private static JsonObject Setting(string name, string value) => new() { ["name"] = name, ["value"] = value };
}
