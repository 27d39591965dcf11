#include "distributed/dataparallelgroup_p.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QSysInfo>

#include <chrono>

namespace equiscope {

namespace {

DataError groupError(const DistributedEnvironment &env, const QString &detail)
{
    DataError e;
    e.file = QStringLiteral("rank %1 of %2").arg(env.rank).arg(env.worldSize);
    e.detail = detail;
    return e;
}

std::string storeKey(const char *what, int rank)
{
    return std::string("equiscope/") + what + "/" + std::to_string(rank);
}

std::vector<uint8_t> bytesOf(const QByteArray &text)
{
    return std::vector<uint8_t>(text.begin(), text.end());
}

QByteArray textOf(const std::vector<uint8_t> &bytes)
{
    return QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()));
}

/// Gloo's and the TCPStore's messages carry source locations and stack traces; the first line
/// says what happened.
QString firstLine(const std::string &text)
{
    const QString all = QString::fromStdString(text);
    return all.section(QLatin1Char('\n'), 0, 0).trimmed();
}

} // namespace

std::string DataParallelGroup::Private::failureText(const char *what,
                                                    const std::string &detail) const
{
    return QStringLiteral("data-parallel %1 failed on rank %2 of %3: another rank stopped, was "
                          "killed or could not be reached within %4 s (%5)")
        .arg(QString::fromUtf8(what))
        .arg(env.rank)
        .arg(env.worldSize)
        .arg(env.collectiveTimeoutSeconds)
        .arg(firstLine(detail))
        .toStdString();
}

DataParallelGroup::DataParallelGroup() : d(std::make_unique<Private>()) {}
DataParallelGroup::~DataParallelGroup() = default;

Expected<std::shared_ptr<DataParallelGroup>>
DataParallelGroup::join(const DistributedEnvironment &env)
{
    std::shared_ptr<DataParallelGroup> g(new DataParallelGroup);
    Private &p = *g->d;
    p.env = env;
    const QString master = QStringLiteral("%1:%2").arg(env.masterAddress).arg(env.masterPort);
    try {
        c10d::TCPStoreOptions options;
        options.port = env.masterPort;
        options.isServer = env.rank == 0 && !env.launcherServesStore;
        options.numWorkers = size_t(env.worldSize);
        options.waitWorkers = true;
        options.timeout = std::chrono::seconds(env.connectTimeoutSeconds);
        p.store = c10::make_intrusive<c10d::TCPStore>(env.masterAddress.toStdString(), options);
    } catch (const std::exception &e) {
        const QString why = firstLine(e.what());
        if (env.rank == 0 && why.contains(QStringLiteral("in use"), Qt::CaseInsensitive))
            return groupError(env, QStringLiteral("cannot serve the rendezvous at %1: the port is "
                                                  "in use by another program; pick another "
                                                  "MASTER_PORT (%2)")
                                       .arg(master, why));
        if (env.rank == 0)
            return groupError(env, QStringLiteral("not every rank of %1 arrived at the rendezvous "
                                                  "%2 within %3 s (%4)")
                                       .arg(env.worldSize)
                                       .arg(master)
                                       .arg(env.connectTimeoutSeconds)
                                       .arg(why));
        return groupError(env, QStringLiteral("cannot reach the master (rank 0) at %1 within "
                                              "%2 s: check MASTER_ADDR / MASTER_PORT and that "
                                              "rank 0 runs (%3)")
                                   .arg(master)
                                   .arg(env.connectTimeoutSeconds)
                                   .arg(why));
    }
    try {
        p.store->setTimeout(std::chrono::seconds(env.connectTimeoutSeconds));
        p.store->set(storeKey("host", env.rank), bytesOf(QSysInfo::machineHostName().toUtf8()));
        auto options = c10d::ProcessGroupGloo::Options::create(
            std::chrono::seconds(env.collectiveTimeoutSeconds));
        // The interface that reaches the master: loopback for a one-machine run, the host's
        // address towards MASTER_ADDR on a cluster (Gloo resolves the name to bind to).
        const bool local = env.masterAddress == QLatin1String("127.0.0.1") ||
                           env.masterAddress == QLatin1String("localhost");
        options->devices.push_back(
            local ? c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1")
                  : c10d::ProcessGroupGloo::createDefaultDevice());
        options->threads = 1;
        p.group =
            c10::make_intrusive<c10d::ProcessGroupGloo>(p.store, env.rank, env.worldSize, options);
        for (int r = 0; r < env.worldSize; ++r)
            p.hosts << QString::fromUtf8(textOf(p.store->get(storeKey("host", r))));
        p.store->setTimeout(std::chrono::seconds(env.collectiveTimeoutSeconds));
    } catch (const std::exception &e) {
        return groupError(env, QStringLiteral("the ranks met at %1 but could not connect to each "
                                              "other within %2 s (%3)")
                                   .arg(master)
                                   .arg(env.connectTimeoutSeconds)
                                   .arg(firstLine(e.what())));
    }
    return g;
}

int DataParallelGroup::rank() const
{
    return d->env.rank;
}

int DataParallelGroup::worldSize() const
{
    return d->env.worldSize;
}

const DistributedEnvironment &DataParallelGroup::environment() const
{
    return d->env;
}

QStringList DataParallelGroup::hosts() const
{
    return d->hosts;
}

bool DataParallelGroup::lostContact() const
{
    return d->lostContact;
}

double DataParallelGroup::communicationSeconds() const
{
    return d->communicationSeconds;
}

QJsonObject DataParallelGroup::toJson() const
{
    return {{QStringLiteral("backend"), QStringLiteral("gloo")},
            {QStringLiteral("world_size"), d->env.worldSize},
            {QStringLiteral("hosts"), QJsonArray::fromStringList(d->hosts)}};
}

Expected<Done> DataParallelGroup::checkSameRun(const QByteArray &fingerprint)
{
    const QByteArray digest = QCryptographicHash::hash(fingerprint, QCryptographicHash::Sha256);
    try {
        d->store->set(storeKey("run", d->env.rank), bytesOf(digest));
        QList<int> differing;
        const QByteArray reference = textOf(d->store->get(storeKey("run", 0)));
        for (int r = 1; r < d->env.worldSize; ++r)
            if (textOf(d->store->get(storeKey("run", r))) != reference)
                differing << r;
        if (differing.isEmpty())
            return Done{};
        QStringList names;
        for (int r : differing)
            names << QString::number(r);
        return groupError(d->env,
                          QStringLiteral("rank%1 %2 train%3 another config or dataset than rank 0: "
                                         "every rank of a data-parallel run must be started with "
                                         "the same config and data")
                              .arg(differing.size() == 1 ? QString() : QStringLiteral("s"),
                                   names.join(QStringLiteral(", ")),
                                   differing.size() == 1 ? QStringLiteral("s") : QString()));
    } catch (const std::exception &e) {
        return groupError(d->env, QString::fromStdString(d->failureText("config check", e.what())));
    }
}

Expected<QByteArray> DataParallelGroup::broadcastFromRankZero(const QByteArray &bytes)
{
    try {
        std::vector<at::Tensor> size{torch::tensor(int64_t(d->env.rank == 0 ? bytes.size() : 0))};
        d->wait("broadcast", [&] { return d->group->broadcast(size); });
        const int64_t n = size[0].item<int64_t>();
        if (n < 0 || n > (int64_t(1) << 40))
            return groupError(d->env, QStringLiteral("rank 0 sent an impossible size (%1)").arg(n));
        std::vector<at::Tensor> data{torch::empty({n}, torch::kUInt8)};
        if (d->env.rank == 0 && n > 0)
            std::memcpy(data[0].data_ptr<uint8_t>(), bytes.constData(), size_t(n));
        if (n > 0)
            d->wait("broadcast", [&] { return d->group->broadcast(data); });
        return QByteArray(reinterpret_cast<const char *>(data[0].data_ptr<uint8_t>()),
                          qsizetype(n));
    } catch (const std::exception &e) {
        return groupError(d->env, QString::fromUtf8(e.what()));
    }
}

} // namespace equiscope
