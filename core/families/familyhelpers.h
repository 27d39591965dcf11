#pragma once
// What the three MethodFamily implementations share: reading a config of their type into its
// JSON form, and making their job from one. Included by the families' registration files only.

#include "families/methodfamily.h"

#include <QObject>

namespace equiscope {

/// @p config as the family's reproducible JSON once it validates, or why it does not.
template <typename Config> Expected<QJsonObject> validatedConfigJson(const Expected<Config> &config)
{
    if (!config)
        return config.error();
    if (auto valid = config->validate(); !valid)
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
    if (auto valid = config->validate(); !valid)
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
