#include "data/celebareader.h"
#include "data/inputfile.h"

#include "data/imagefiledecoder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <algorithm>
#include <map>

namespace equiscope {

namespace {

const QString kAttrFile = QStringLiteral("list_attr_celeba.txt");
const QString kPartitionFile = QStringLiteral("list_eval_partition.txt");
const QString kIdentityFile = QStringLiteral("identity_CelebA.txt");
const QString kImageDir = QStringLiteral("img_align_celeba");

QByteArray readWhole(const QString &path)
{
    return readInputFile(path);
}

// The CelebA lists align their columns with a varying number of spaces, so fields are runs of
// non-blank characters rather than single-space separated.
std::vector<QByteArrayView> fieldsOf(QByteArrayView line)
{
    std::vector<QByteArrayView> out;
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (i < n) {
        while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            ++i;
        const qsizetype start = i;
        while (i < n && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
            ++i;
        if (i > start)
            out.push_back(line.sliced(start, i - start));
    }
    return out;
}

/// Calls @p f(lineNumber, fields) for every non-blank line of @p content.
template <typename F> void forEachLine(const QByteArray &content, F &&f)
{
    qint64 number = 0;
    qsizetype pos = 0;
    while (pos < content.size()) {
        qsizetype end = content.indexOf('\n', pos);
        if (end < 0)
            end = content.size();
        ++number;
        const auto fields = fieldsOf(QByteArrayView(content.constData() + pos, end - pos));
        if (!fields.empty())
            f(number, fields);
        pos = end + 1;
    }
}

QString quoted(QByteArrayView v)
{
    return QLatin1Char('\'') + QString::fromUtf8(v) + QLatin1Char('\'');
}

/// Reads a "file value" list (partition, identity), checking each value with @p valid.
QHash<QByteArray, QByteArray> readPairs(const QString &path, const QString &expectedValue,
                                        const std::function<bool(QByteArrayView)> &valid)
{
    QHash<QByteArray, QByteArray> out;
    forEachLine(readWhole(path), [&](qint64 line, const std::vector<QByteArrayView> &fields) {
        if (fields.size() != 2)
            throwDataError(path, line, QStringLiteral("2 fields (file name and value)"),
                           QStringLiteral("%1 fields").arg(fields.size()));
        if (!valid(fields[1]))
            throwDataError(path, line, expectedValue, quoted(fields[1]), fields[0].toByteArray());
        out.insert(fields[0].toByteArray(), fields[1].toByteArray());
    });
    return out;
}

struct AttributeList
{
    QStringList names;
    QStringList files;
    std::vector<std::vector<int32_t>> codes; ///< one column per attribute, 1 = present
};

AttributeList readAttributeList(const QString &path)
{
    AttributeList list;
    qint64 declared = -1;
    QHash<QByteArray, qint64> seen;
    forEachLine(readWhole(path), [&](qint64 line, const std::vector<QByteArrayView> &fields) {
        if (declared < 0) {
            bool ok = false;
            declared = fields.size() == 1 ? fields[0].toLongLong(&ok) : -1;
            if (!ok || declared < 0)
                throwDataError(path, line,
                               QStringLiteral("the image count alone on the first line"),
                               quoted(fields[0]));
            return;
        }
        if (list.names.isEmpty()) {
            for (QByteArrayView f : fields)
                list.names << QString::fromUtf8(f);
            list.codes.resize(size_t(list.names.size()));
            for (auto &c : list.codes)
                c.reserve(size_t(declared));
            return;
        }
        const qsizetype expected = list.names.size() + 1;
        if (qsizetype(fields.size()) != expected)
            throwDataError(path, line,
                           QStringLiteral("%1 fields (file name and %2 values)")
                               .arg(expected)
                               .arg(expected - 1),
                           QStringLiteral("%1 fields").arg(fields.size()));
        const QByteArray file = fields[0].toByteArray();
        const auto previous = seen.constFind(file);
        if (previous != seen.constEnd())
            throwDataError(path, line, QStringLiteral("each image listed once"),
                           QStringLiteral("%1 again (first on line %2)")
                               .arg(QString::fromUtf8(file))
                               .arg(previous.value()));
        seen.insert(file, line);
        list.files << QString::fromUtf8(file);
        for (qsizetype k = 1; k < expected; ++k) {
            const QByteArrayView v = fields[size_t(k)];
            int32_t code;
            if (v == "1")
                code = 1;
            else if (v == "-1")
                code = 0;
            else
                throwDataError(path, line, QStringLiteral("1 or -1"), quoted(v), list.names[k - 1]);
            list.codes[size_t(k - 1)].push_back(code);
        }
    });
    if (declared < 0)
        throwDataError(path, 1, QStringLiteral("the image count on line 1"),
                       QStringLiteral("an empty file"));
    if (list.names.isEmpty())
        throwDataError(path, 2, QStringLiteral("the attribute names on line 2"),
                       QStringLiteral("end of file"));
    if (qint64(list.files.size()) != declared)
        throwDataError(path, -1,
                       QStringLiteral("%1 image rows (the count on line 1)").arg(declared),
                       QStringLiteral("%1 rows").arg(list.files.size()));
    if (list.files.isEmpty())
        throwDataProblem(path, QStringLiteral("empty dataset: no image rows"));
    return list;
}

[[noreturn]] void missingEntry(const QString &path, const QString &what, const QString &file)
{
    throwDataError(path, -1, QStringLiteral("%1 for every image in %2").arg(what, kAttrFile),
                   QStringLiteral("none for %1").arg(file));
}

} // namespace

Dataset readCelebA(const DatasetSpec &spec, const ReadContext &context)
{
    const QDir root(spec.path);
    if (!root.exists())
        throwDataError(spec.path, -1, QStringLiteral("the CelebA root folder"),
                       QStringLiteral("no such folder"));
    const QString attrPath = root.filePath(kAttrFile);
    if (!QFileInfo::exists(attrPath))
        throwDataError(attrPath, -1, QStringLiteral("the CelebA attribute list"),
                       QStringLiteral("no such file"));
    const QString imageDir = root.filePath(kImageDir);
    if (!QFileInfo(imageDir).isDir())
        throwDataError(imageDir, -1, QStringLiteral("the CelebA image folder"),
                       QStringLiteral("no such folder"));

    AttributeList list = readAttributeList(attrPath);
    Dataset ds;
    ds.spec = spec;
    ds.name = QStringLiteral("CelebA");
    ds.size = list.files.size();
    ds.itemNames = list.files;

    // Text checks come first so that a bad list fails before minutes of JPEG decoding.
    const QString partitionPath = root.filePath(kPartitionFile);
    if (QFileInfo::exists(partitionPath)) {
        const auto partition =
            readPairs(partitionPath, QStringLiteral("0, 1 or 2 (train, val, test)"),
                      [](QByteArrayView v) { return v == "0" || v == "1" || v == "2"; });
        ds.splits.reserve(size_t(ds.size));
        for (const QString &file : std::as_const(list.files)) {
            const auto it = partition.constFind(file.toUtf8());
            if (it == partition.constEnd())
                missingEntry(partitionPath, QStringLiteral("a partition"), file);
            ds.splits.push_back(Split(it.value().toInt()));
        }
    } else {
        ds.splits = splitsFromOptions(ds.size, spec.options);
        ds.warnings << QStringLiteral("%1 not found: random train/test splits").arg(kPartitionFile);
    }

    for (int k = 0; k < list.names.size(); ++k)
        ds.attributes.add(Attribute::discrete(list.names[k], AttributeType::Binary,
                                              {QStringLiteral("-1"), QStringLiteral("1")},
                                              std::move(list.codes[size_t(k)])));

    const QString identityPath = root.filePath(kIdentityFile);
    if (QFileInfo::exists(identityPath)) {
        const auto identity = readPairs(
            identityPath, QStringLiteral("a non-negative integer identity"), [](QByteArrayView v) {
                bool ok = false;
                return v.toLongLong(&ok) >= 0 && ok;
            });
        // Built directly rather than with attributeFromText: CelebA has ~10k identities, far
        // above the level cap meant for user CSVs.
        std::vector<qint64> ids;
        ids.reserve(size_t(ds.size));
        for (const QString &file : std::as_const(list.files)) {
            const auto it = identity.constFind(file.toUtf8());
            if (it == identity.constEnd())
                missingEntry(identityPath, QStringLiteral("an identity"), file);
            ids.push_back(it.value().toLongLong());
        }
        std::map<qint64, int32_t> levelOf;
        for (qint64 id : ids)
            levelOf.emplace(id, 0);
        QStringList levels;
        for (auto &entry : levelOf) {
            entry.second = int32_t(levels.size());
            levels << QString::number(entry.first);
        }
        std::vector<int32_t> codes;
        codes.reserve(ids.size());
        for (qint64 id : ids)
            codes.push_back(levelOf[id]);
        ds.attributes.add(Attribute::discrete(
            QStringLiteral("identity"), AttributeType::Categorical, levels, std::move(codes)));
    }

    QStringList paths;
    paths.reserve(list.files.size());
    for (const QString &file : std::as_const(list.files))
        paths << imageDir + QLatin1Char('/') + file;
    ds.images = decodeImageFiles(paths, imageSizeOption(spec.options, 64), context);

    if (ds.attributes.contains(QStringLiteral("Attractive")))
        ds.defaultTarget = QStringLiteral("Attractive");
    for (const QString &name : {QStringLiteral("Male"), QStringLiteral("Young")})
        if (ds.attributes.contains(name))
            ds.defaultSensitive << name;
    return ds;
}

} // namespace equiscope
