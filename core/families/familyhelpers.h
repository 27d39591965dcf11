#pragma once
// What the three MethodFamily implementations share: reading a config of their type into its
// JSON form, and making their job from one. Included by the families' registration files only.

#include "families/methodfamily.h"

#include <QObject>

namespace equiscope {

/// A run whose sensitive attributes include its target would compare every class with itself in
/// each group metric: refused for the runs a user asks for (internal sessions that only embed
/// images may name one attribute for both). Configs without a target pass.
template <typename Config>
auto targetIsNotSensitive(const Config &config, int)
    -> decltype(void(config.sensitive.contains(config.target)), Expected<Done>(Done{}))
{
    if (config.sensitive.contains(config.target))
        return fieldError(
            QStringLiteral("run config"), QStringLiteral("sensitive"),
            QStringLiteral("attributes other than the target '%1'").arg(config.target),
            config.sensitive.join(QStringLiteral(", ")));
    return Done{};
}
template <typename Config> Expected<Done> targetIsNotSensitive(const Config &, long)
{
    return Done{};
}

/// validate() and the checks every run a user launches must pass.
template <typename Config> Expected<Done> validateRunConfig(const Config &config)
{
    if (auto valid = config.validate(); !valid)
        return valid.error();
    return targetIsNotSensitive(config, 0);
}

/// @p config as the family's reproducible JSON once it validates, or why it does not.
template <typename Config> Expected<QJsonObject> validatedConfigJson(const Expected<Config> &config)
{
    if (!config)
        return config.error();
    if (auto valid = validateRunConfig(config.value()); !valid)
        return valid.error();
    return config->toJson();
}

/// A new @p Job running the config JSON @p json once it reads and validates as a @p Config.
template <typename Job, typename Config>
Expected<RunJob *> newFamilyJob(const QJsonObject &json, const QString &storePath, QObject *parent)
{
    auto config = Config::fromJson(json);
    if (!config)
        return config.error();
    if (auto valid = validateRunConfig(config.value()); !valid)
        return valid.error();
    return static_cast<RunJob *>(new Job(config.value(), storePath, parent));
}

/// The cost of the config JSON @p json once it reads and validates as a @p Config:
/// @p estimate(config).
template <typename Config, typename Estimate>
Expected<RunCostEstimate> estimateFromJson(const QJsonObject &json, const Estimate &estimate)
{
    auto config = Config::fromJson(json);
    if (!config)
        return config.error();
    if (auto valid = config->validate(); !valid)
        return valid.error();
    return estimate(config.value());
}

} // namespace equiscope
