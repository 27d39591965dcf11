#include "families/runcostestimate.h"

#include "store/runstore.h"

#include <QFileInfo>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <vector>

namespace equiscope {

QJsonObject CostStage::toJson() const
{
    QJsonObject o{{QStringLiteral("stage"), name},
                  {QStringLiteral("items"), items},
                  {QStringLiteral("unit"), unit},
                  {QStringLiteral("basis"), basis}};
    if (epochs > 0)
        o.insert(QStringLiteral("epochs"), epochs);
    if (stepsPerEpoch > 0) {
        o.insert(QStringLiteral("stepsPerEpoch"), stepsPerEpoch);
        o.insert(QStringLiteral("steps"), stepsPerEpoch * std::max(1, epochs));
    }
    if (itemsPerSecond > 0)
        o.insert(QStringLiteral("itemsPerSecond"), std::round(itemsPerSecond));
    if (estimated()) {
        o.insert(QStringLiteral("minutes"), std::round(minutes * 10) / 10);
        o.insert(QStringLiteral("seconds"), std::round(minutes * 60));
    } else {
        o.insert(QStringLiteral("minutes"), QJsonValue::Null);
    }
    return o;
}

double RunCostEstimate::minutes() const
{
    double sum = 0;
    for (const CostStage &s : stages)
        if (s.estimated())
            sum += s.minutes;
    return sum;
}

bool RunCostEstimate::complete() const
{
    return std::all_of(stages.begin(), stages.end(),
                       [](const CostStage &s) { return s.estimated(); });
}

QJsonObject RunCostEstimate::toJson() const
{
    QJsonArray list;
    for (const CostStage &s : stages)
        list.append(s.toJson());
    const double m = minutes();
    return QJsonObject{{QStringLiteral("minutes"), std::round(m * 10) / 10},
                       {QStringLiteral("seconds"), std::round(m * 60)},
                       {QStringLiteral("complete"), complete()},
                       {QStringLiteral("longerThanAnHour"), longerThanAnHour()},
                       {QStringLiteral("stages"), list}};
}

namespace {

QString duration(double minutes)
{
    return minutes < 1 ? QStringLiteral("%1 s").arg(std::ceil(minutes * 60))
                       : QStringLiteral("%1 min").arg(minutes, 0, 'f', minutes < 10 ? 1 : 0);
}

} // namespace

QString RunCostEstimate::summary() const
{
    QString out = QStringLiteral("%1%2").arg(
        complete() ? QStringLiteral("≈ ") : QStringLiteral("at least "), duration(minutes()));
    for (const CostStage &s : stages) {
        out += QStringLiteral("\n  %1: ").arg(s.name);
        if (s.estimated())
            out += QStringLiteral("≈ %1, ").arg(duration(s.minutes));
        if (s.epochs > 0 && s.stepsPerEpoch > 0)
            out += QStringLiteral("%1 epochs × %2 steps (%3 %4)")
                       .arg(s.epochs)
                       .arg(s.stepsPerEpoch)
                       .arg(s.items)
                       .arg(s.unit);
        else
            out += QStringLiteral("%1 %2").arg(s.items).arg(s.unit);
        if (s.itemsPerSecond > 0)
            out += QStringLiteral(" at %1 %2/s").arg(s.itemsPerSecond, 0, 'f', 0).arg(s.unit);
        out += QStringLiteral(" (%1)").arg(s.basis);
    }
    return out;
}

std::pair<double, int> pastEpochRate(const QString &storePath, RunFamily family,
                                     const QString &method,
                                     const std::function<bool(const QJsonObject &)> &alike,
                                     const QString &rateKey,
                                     const std::function<bool(const QJsonObject &)> &epochFilter)
{
    if (storePath.isEmpty() || !QFileInfo::exists(storePath))
        return {0, 0};
    RunStoreOptions o;
    o.create = false;
    o.recoverOnOpen = false;
    auto store = RunStore::open(storePath, o);
    if (!store)
        return {0, 0};
    RunFilter filter;
    filter.family = family;
    filter.status = RunStatus::Finished;
    filter.method = method;
    std::vector<double> rates;
    int runs = 0;
    for (const RunRecord &r : store.value()->runs(filter).value_or({})) {
        if (!alike(r.config))
            continue;
        bool counted = false;
        for (const EpochRecord &e : store.value()->epochs(r.id).value_or({})) {
            if (epochFilter && !epochFilter(e.metrics))
                continue;
            const double rate = e.metrics.value(rateKey).toDouble();
            if (rate > 0 && std::isfinite(rate)) {
                rates.push_back(rate);
                counted = true;
            }
        }
        runs += counted ? 1 : 0;
    }
    if (rates.empty())
        return {0, 0};
    std::nth_element(rates.begin(), rates.begin() + long(rates.size() / 2), rates.end());
    return {rates[rates.size() / 2], runs};
}

QString pastRunsBasis(int runs, const QString &storePath)
{
    return QStringLiteral("median of %1 past run%2 like it in %3")
        .arg(runs)
        .arg(runs == 1 ? QString() : QStringLiteral("s"))
        .arg(QFileInfo(storePath).fileName());
}

} // namespace equiscope
