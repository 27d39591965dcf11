#include "data/fairfacereader.h"

#include "data/csvtable.h"
#include "data/imagefiledecoder.h"

#include <QDir>
#include <QFileInfo>

namespace equiscope {

namespace {

const QStringList kHeader = {QStringLiteral("file"), QStringLiteral("age"),
                             QStringLiteral("gender"), QStringLiteral("race"),
                             QStringLiteral("service_test")};

// Fixed level orders (the natural age-bin order, the race order of the FairFace paper) so that
// level codes do not depend on which rows happen to be present.
const QStringList kAges = {
    QStringLiteral("0-2"),   QStringLiteral("3-9"),   QStringLiteral("10-19"),
    QStringLiteral("20-29"), QStringLiteral("30-39"), QStringLiteral("40-49"),
    QStringLiteral("50-59"), QStringLiteral("60-69"), QStringLiteral("more than 70")};
const QStringList kRaces = {QStringLiteral("White"),           QStringLiteral("Black"),
                            QStringLiteral("Latino_Hispanic"), QStringLiteral("East Asian"),
                            QStringLiteral("Southeast Asian"), QStringLiteral("Indian"),
                            QStringLiteral("Middle Eastern")};
const QStringList kGenders = {QStringLiteral("Male"), QStringLiteral("Female")};
const QStringList kBooleans = {QStringLiteral("False"), QStringLiteral("True")};

struct LabelFile
{
    QString name;
    Split split;
};

struct Columns
{
    QStringList files;
    QStringList paths;
    std::vector<Split> splits;
    std::vector<int32_t> age, gender, race, service;
    QStringList races = kRaces;
};

int32_t codeOf(const CsvTable &t, size_t row, int column, const QStringList &levels,
               const QString &expected)
{
    const QString value = t.rows[row][column].trimmed();
    const int code = int(levels.indexOf(value));
    if (code < 0)
        throwDataError(t.file, t.lines[row], expected, QStringLiteral("'%1'").arg(value),
                       kHeader[column]);
    return code;
}

void readLabelFile(const QDir &root, const LabelFile &label, Columns &out)
{
    const QString path = root.filePath(label.name);
    if (!QFileInfo::exists(path))
        throwDataError(path, -1, QStringLiteral("the FairFace label file %1").arg(label.name),
                       QStringLiteral("no such file"));
    const CsvTable t = CsvTable::read(path);
    QStringList header = t.header;
    if (!header.isEmpty() && header.front().startsWith(QChar(0xfeff))) // a BOM from Excel
        header.front().remove(0, 1);
    if (header != kHeader)
        throwDataError(path, 1,
                       QStringLiteral("the header '%1'").arg(kHeader.join(QLatin1Char(','))),
                       QStringLiteral("'%1'").arg(header.join(QLatin1Char(','))));
    for (size_t i = 0; i < t.rows.size(); ++i) {
        const QStringList &row = t.rows[i];
        const QString file = row[0].trimmed();
        if (file.isEmpty())
            throwDataError(path, t.lines[i], QStringLiteral("an image path"),
                           QStringLiteral("an empty cell"), kHeader[0]);
        const QString image = root.filePath(file);
        // Checked here rather than left to the decoder so the message names the CSV line.
        if (!QFileInfo(image).isFile())
            throwDataError(path, t.lines[i], QStringLiteral("an existing image file"),
                           QStringLiteral("no file %1").arg(image), kHeader[0]);
        out.files << file;
        out.paths << image;
        out.splits.push_back(label.split);
        out.age.push_back(
            codeOf(t, i, 1, kAges,
                   QStringLiteral("an age bin (%1)").arg(kAges.join(QStringLiteral(", ")))));
        out.gender.push_back(codeOf(t, i, 2, kGenders, QStringLiteral("Male or Female")));
        out.service.push_back(codeOf(t, i, 4, kBooleans, QStringLiteral("True or False")));
        // Races outside the paper's seven are kept as extra levels rather than rejected.
        const QString race = row[3].trimmed();
        if (race.isEmpty())
            throwDataError(path, t.lines[i], QStringLiteral("a race"),
                           QStringLiteral("an empty cell"), kHeader[3]);
        int code = int(out.races.indexOf(race));
        if (code < 0) {
            code = int(out.races.size());
            out.races << race;
        }
        out.race.push_back(code);
    }
}

} // namespace

Dataset readFairFace(const DatasetSpec &spec, const ReadContext &context)
{
    const QDir root(spec.path);
    if (!root.exists())
        throwDataError(spec.path, -1, QStringLiteral("the FairFace root folder"),
                       QStringLiteral("no such folder"));
    Columns c;
    for (const LabelFile &label :
         {LabelFile{QStringLiteral("fairface_label_train.csv"), Split::Train},
          LabelFile{QStringLiteral("fairface_label_val.csv"), Split::Test}})
        readLabelFile(root, label, c);
    if (c.files.isEmpty())
        throwDataProblem(root.path(), QStringLiteral("empty dataset: the FairFace label files "
                                                     "have no rows"));

    Dataset ds;
    ds.spec = spec;
    ds.name = QStringLiteral("FairFace");
    ds.size = c.files.size();
    ds.itemNames = c.files;
    ds.splits = std::move(c.splits);
    ds.warnings << QStringLiteral("FairFace has no test split: the validation set "
                                  "(fairface_label_val.csv) is used as the test split");
    if (c.races.size() > kRaces.size())
        ds.warnings << QStringLiteral("race values outside the FairFace set: %1")
                           .arg(c.races.mid(kRaces.size()).join(QStringLiteral(", ")));
    ds.attributes.add(Attribute::discrete(QStringLiteral("age"), AttributeType::Categorical, kAges,
                                          std::move(c.age)));
    ds.attributes.add(Attribute::discrete(QStringLiteral("gender"), AttributeType::Binary, kGenders,
                                          std::move(c.gender)));
    ds.attributes.add(Attribute::discrete(QStringLiteral("race"), AttributeType::Categorical,
                                          c.races, std::move(c.race)));
    ds.attributes.add(Attribute::discrete(QStringLiteral("service_test"), AttributeType::Binary,
                                          kBooleans, std::move(c.service)));
    ds.images = decodeImageFiles(c.paths, imageSizeOption(spec.options, 64), context);
    ds.defaultTarget = QStringLiteral("gender");
    ds.defaultSensitive = {QStringLiteral("race")};
    return ds;
}

} // namespace equiscope
