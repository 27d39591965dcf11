#include "store/runrecord.h"

namespace equiscope {

namespace {
const char *const kFamilyNames[] = {"fare", "fair-ssl", "clustering"};
const char *const kStatusNames[] = {"queued",    "running", "finished",
                                    "cancelled", "failed",  "interrupted"};
} // namespace

QString runFamilyName(RunFamily family)
{
    return QString::fromLatin1(kFamilyNames[int(family)]);
}

std::optional<RunFamily> runFamilyFromName(const QString &name)
{
    for (int i = 0; i < int(std::size(kFamilyNames)); ++i)
        if (name == QLatin1String(kFamilyNames[i]))
            return RunFamily(i);
    return std::nullopt;
}

QString runStatusName(RunStatus status)
{
    return QString::fromLatin1(kStatusNames[int(status)]);
}

std::optional<RunStatus> runStatusFromName(const QString &name)
{
    for (int i = 0; i < int(std::size(kStatusNames)); ++i)
        if (name == QLatin1String(kStatusNames[i]))
            return RunStatus(i);
    return std::nullopt;
}

bool RunRecord::operator==(const RunRecord &o) const
{
    return id == o.id && name == o.name && method == o.method && family == o.family &&
           config == o.config && status == o.status && statusMessage == o.statusMessage &&
           createdAt == o.createdAt && startedAt == o.startedAt && finishedAt == o.finishedAt &&
           versions == o.versions && datasetFingerprint == o.datasetFingerprint &&
           datasetSpec == o.datasetSpec && seed == o.seed && ownerPid == o.ownerPid &&
           ownerHost == o.ownerHost && heartbeatAt == o.heartbeatAt &&
           currentEpoch == o.currentEpoch && notes == o.notes;
}

bool MetricRow::operator==(const MetricRow &o) const
{
    return name == o.name && value == o.value && ciLow == o.ciLow && ciHigh == o.ciHigh &&
           group == o.group && groupSize == o.groupSize && scope == o.scope;
}

QDateTime storeNow()
{
    return QDateTime::currentDateTimeUtc();
}

QString storeTimestamp(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime storeTimeFromText(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace equiscope
