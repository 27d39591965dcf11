#pragma once

#include "data/dataset.h"

#include <QWizard>
#include <QWizardPage>

#include <memory>

class QButtonGroup;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace equiscope {

class ColumnTypesPage;
class DatasetOpenPage;

/// Page 1: which format (every reader of datasetFormats(), each with a one-line description).
class FormatPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit FormatPage(QWidget *parent = nullptr);
    QString format() const;
    void setFormat(const QString &format);
    /// What the format reads, in one sentence.
    static QString describe(const QString &format);

private:
    QButtonGroup *m_formats = nullptr;
};

/// Page 2: where the dataset is, and the options of its format (image size, the source and ρ
/// of Colored MNIST, dim/labels/groups of feature files, the split of unsplit datasets).
class LocationPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit LocationPage(QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;

    QString path() const;
    void setPath(const QString &path);
    /// The format options the form describes (only values that differ from the readers'
    /// defaults, so a spec stays as short as the command line would be).
    QVariantMap options() const;
    /// Sets option editors from @p options (unknown keys are ignored).
    void setOptions(const QVariantMap &options);
    /// Why the path cannot be opened with the chosen format, or empty.
    QString pathProblem() const;

private:
    void browse();
    void updateOptionRows();
    QString format() const;

    QLineEdit *m_path = nullptr;
    QLabel *m_pathHint = nullptr;
    QLabel *m_problem = nullptr;
    QFormLayout *m_options = nullptr;
    QSpinBox *m_imageSize = nullptr;
    QDoubleSpinBox *m_rho = nullptr;
    QDoubleSpinBox *m_sigma = nullptr;
    QSpinBox *m_colorSeed = nullptr;
    QSpinBox *m_dim = nullptr;
    QLineEdit *m_labels = nullptr;
    QLineEdit *m_groups = nullptr;
    QDoubleSpinBox *m_testFraction = nullptr;
    QSpinBox *m_splitSeed = nullptr;
    QLabel *m_splitNote = nullptr;
    QString m_initializedFor;
};

/// The "Open / Import dataset" wizard: format → path and options → (folder-csv) column types →
/// open. The last page opens the dataset off the GUI thread and shows the reader's error inline;
/// Finish is enabled once the dataset is open, and takeDataset() hands it over.
class DatasetWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        FormatPageId,
        LocationPageId,
        ColumnTypesPageId,
        OpenPageId,
    };

    explicit DatasetWizard(QWidget *parent = nullptr);
    ~DatasetWizard() override;

    /// Fills the wizard from @p spec (format, path, options, column types).
    void setSpec(const DatasetSpec &spec);
    /// The spec the pages describe.
    DatasetSpec spec() const;
    /// The opened dataset (after datasetOpened()); the wizard keeps nothing.
    std::unique_ptr<Dataset> takeDataset();

    FormatPage *formatPage() const { return m_formatPage; }
    LocationPage *locationPage() const { return m_locationPage; }
    ColumnTypesPage *columnTypesPage() const { return m_columnTypesPage; }
    DatasetOpenPage *openPage() const { return m_openPage; }

Q_SIGNALS:
    void datasetOpened();
    void openFailed(const QString &message);

private:
    FormatPage *m_formatPage = nullptr;
    LocationPage *m_locationPage = nullptr;
    ColumnTypesPage *m_columnTypesPage = nullptr;
    DatasetOpenPage *m_openPage = nullptr;
};

} // namespace equiscope
