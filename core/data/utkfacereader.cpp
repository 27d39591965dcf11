#include "data/utkfacereader.h"

#include "data/imagefiledecoder.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace equiscope {

namespace {

constexpr int kMaxSkippedExamples = 5;
constexpr int kMaxAge = 130;

const QStringList kUtkRaces = {QStringLiteral("White"), QStringLiteral("Black"),
                            QStringLiteral("Asian"), QStringLiteral("Indian"),
                            QStringLiteral("Others")};
const QStringList kUtkGenders = {QStringLiteral("male"), QStringLiteral("female")};

QStringList jpegFiles(const QString &path)
{
    QStringList files = QDir(path).entryList(
        {QStringLiteral("*.jpg"), QStringLiteral("*.JPG"), QStringLiteral("*.jpeg")}, QDir::Files);
    // QDir's order can depend on the locale; a plain sort keeps the dataset order reproducible.
    std::sort(files.begin(), files.end());
    return files;
}

/// The folder holding the JPEGs: the path itself, or the UTKFace/ or crop_part1/ folder of the
/// archives as distributed.
QString imageFolder(const QString &path)
{
    for (const QString &candidate :
         {path, path + QStringLiteral("/UTKFace"), path + QStringLiteral("/crop_part1")}) {
        if (QFileInfo(candidate).isDir() && !jpegFiles(candidate).isEmpty())
            return candidate;
    }
    return {};
}

struct UtkLabels
{
    int age = 0;
    int gender = 0;
    int race = 0;
};

bool isDateTime(const QString &field)
{
    if (field.size() < 8)
        return false;
    return std::all_of(field.begin(), field.end(), [](QChar c) { return c.isDigit(); });
}

/// Parses [age]_[gender]_[race]_[datetime]; returns why the name is unusable, or {} when fine.
QString parseName(const QString &fileName, UtkLabels *out)
{
    QString stem = fileName;
    for (const QString &suffix :
         {QStringLiteral(".jpg.chip.jpg"), QStringLiteral(".jpg"), QStringLiteral(".jpeg")}) {
        if (stem.endsWith(suffix, Qt::CaseInsensitive)) {
            stem.chop(suffix.size());
            break;
        }
    }
    const QStringList parts = stem.split(QLatin1Char('_'));
    static const QStringList names = {QStringLiteral("age"), QStringLiteral("gender"),
                                      QStringLiteral("race")};
    if (parts.size() < 4) {
        // Real UTKFace has names like 61_1_20170109142408075.jpg: the trailing datetime tells
        // which fields are absent.
        if (parts.size() >= 2 && isDateTime(parts.last())) {
            const QStringList missing = names.mid(parts.size() - 1);
            return QStringLiteral("missing %1 field%2")
                .arg(missing.join(QStringLiteral(" and ")),
                     missing.size() > 1 ? QStringLiteral("s") : QString());
        }
        return QStringLiteral("expected [age]_[gender]_[race]_[datetime].jpg");
    }
    const int maxima[] = {kMaxAge, 1, int(kUtkRaces.size()) - 1};
    int values[3];
    for (int k = 0; k < 3; ++k) {
        const QString &field = parts[k];
        if (field.isEmpty())
            return QStringLiteral("empty %1 field").arg(names[k]);
        bool ok = false;
        values[k] = field.toInt(&ok);
        if (!ok)
            return QStringLiteral("%1 field '%2' is not a number").arg(names[k], field);
        if (values[k] < 0 || values[k] > maxima[k])
            return QStringLiteral("%1 field '%2' out of range 0-%3")
                .arg(names[k], field)
                .arg(maxima[k]);
    }
    *out = UtkLabels{values[0], values[1], values[2]};
    return {};
}

} // namespace

Dataset readUtkFace(const DatasetSpec &spec, const ReadContext &context)
{
    if (!QFileInfo(spec.path).isDir())
        throwDataError(spec.path, -1, QStringLiteral("the UTKFace image folder"),
                       QStringLiteral("no such folder"));
    const QString folder = imageFolder(spec.path);
    if (folder.isEmpty())
        throwDataProblem(spec.path, QStringLiteral("empty dataset: no .jpg files here or in "
                                                   "UTKFace/ or crop_part1/"));

    Dataset ds;
    ds.spec = spec;
    ds.name = QStringLiteral("UTKFace");
    std::vector<float> ages;
    std::vector<int32_t> genders, races;
    QStringList paths;
    const QStringList files = jpegFiles(folder);
    for (const QString &file : files) {
        UtkLabels labels;
        const QString reason = parseName(file, &labels);
        if (!reason.isEmpty()) {
            ++ds.skipped;
            if (ds.skippedExamples.size() < kMaxSkippedExamples)
                ds.skippedExamples << file + QStringLiteral(": ") + reason;
            continue;
        }
        ds.itemNames << file;
        paths << folder + QLatin1Char('/') + file;
        ages.push_back(float(labels.age));
        genders.push_back(labels.gender);
        races.push_back(labels.race);
    }
    if (paths.isEmpty())
        throwDataProblem(folder, QStringLiteral("empty dataset: none of the %1 .jpg files is named "
                                                "[age]_[gender]_[race]_[datetime].jpg (%2)")
                                     .arg(files.size())
                                     .arg(ds.skippedExamples.value(0)));
    if (ds.skipped > 0)
        ds.warnings << QStringLiteral("skipped %1 of %2 files whose names miss a field or hold a "
                                      "bad value")
                           .arg(ds.skipped)
                           .arg(files.size());

    ds.size = paths.size();
    ds.attributes.add(Attribute::continuous(QStringLiteral("age"), std::move(ages)));
    ds.attributes.add(Attribute::discrete(QStringLiteral("gender"), AttributeType::Binary, kUtkGenders,
                                          std::move(genders)));
    ds.attributes.add(Attribute::discrete(QStringLiteral("race"), AttributeType::Categorical,
                                          kUtkRaces, std::move(races)));
    ds.splits = splitsFromOptions(ds.size, spec.options);
    ds.images = decodeImageFiles(paths, imageSizeOption(spec.options, 64), context);
    ds.defaultTarget = QStringLiteral("gender");
    ds.defaultSensitive = {QStringLiteral("race")};
    return ds;
}

} // namespace equiscope
