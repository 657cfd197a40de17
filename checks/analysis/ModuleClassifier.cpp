#include "ModuleClassifier.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace modlint {

namespace {
// Base-class chains deeper than this are pathological; stop rather than
// recurse through a template that derives from itself.
constexpr unsigned MaxBaseDepth = 64;

bool hasSharedAnnotation(const CXXRecordDecl *Record) {
  for (const auto *Attr : Record->specific_attrs<AnnotateAttr>())
    if (Attr->getAnnotation() == SharedAnnotation)
      return true;
  return false;
}

} // namespace

const CXXRecordDecl *recordOf(QualType Type) {
  Type = Type.getNonReferenceType();
  if (const auto *Record = Type->getAsCXXRecordDecl())
    return definitionOf(Record);
  if (const auto *Spec = Type->getAs<TemplateSpecializationType>())
    if (const auto *Template = llvm::dyn_cast_or_null<ClassTemplateDecl>(
            Spec->getTemplateName().getAsTemplateDecl()))
      return definitionOf(Template->getTemplatedDecl());
  return nullptr;
}

const CXXRecordDecl *definitionOf(const CXXRecordDecl *Record) {
  if (const CXXRecordDecl *Def = Record->getDefinition())
    return Def;
  if (const auto *Spec = llvm::dyn_cast<ClassTemplateSpecializationDecl>(Record))
    if (const ClassTemplateDecl *Template = Spec->getSpecializedTemplate())
      if (const CXXRecordDecl *Pattern =
              Template->getTemplatedDecl()->getDefinition())
        return Pattern;
  return Record;
}

bool ModuleClassifier::isConfiguredBase(const CXXRecordDecl *Record) const {
  if (Bases.empty() || !Record->getIdentifier())
    return false;
  // Cheap filter on the simple name before building the qualified one.
  llvm::StringRef Simple = Record->getName();
  bool SimpleMatch = false;
  for (const std::string &Base : Bases)
    if (llvm::StringRef(Base).ends_with(Simple))
      SimpleMatch = true;
  if (!SimpleMatch)
    return false;
  const std::string Qualified = Record->getQualifiedNameAsString();
  for (const std::string &Base : Bases)
    if (Base == Qualified)
      return true;
  return false;
}

bool ModuleClassifier::isSharedModule(const CXXRecordDecl *Record) const {
  return Record && isSharedModule(Record, 0);
}

bool ModuleClassifier::isSharedModule(const CXXRecordDecl *Record,
                                      unsigned Depth) const {
  if (Depth > MaxBaseDepth)
    return false;
  if (isConfiguredBase(Record) || hasSharedAnnotation(Record))
    return true;
  const CXXRecordDecl *Def = definitionOf(Record);
  if (!Def->hasDefinition())
    return false;
  if (Def != Record && hasSharedAnnotation(Def))
    return true;
  for (const CXXBaseSpecifier &Base : Def->bases())
    if (const CXXRecordDecl *BaseDecl = recordOf(Base.getType()))
      if (isSharedModule(BaseDecl, Depth + 1))
        return true;
  return hasSharedInstantiation(*Def, Depth);
}

bool ModuleClassifier::hasSharedInstantiation(const CXXRecordDecl &Pattern,
                                              unsigned Depth) const {
  const ClassTemplateDecl *Template = Pattern.getDescribedClassTemplate();
  if (!Template || llvm::none_of(Pattern.bases(), [](const CXXBaseSpecifier &Base) {
        return Base.getType()->isTemplateTypeParmType();
      }))
    return false;
  for (const ClassTemplateSpecializationDecl *Instance : Template->specializations())
    if (Instance->hasDefinition() && isSharedModule(Instance, Depth + 1))
      return true;
  return false;
}

const CXXRecordDecl *ModuleClassifier::moduleHandled(QualType Type) const {
  const bool Indirect = Type->isReferenceType() || Type->isPointerType();
  Type = Type.getNonReferenceType();
  if (Type->isPointerType())
    Type = Type->getPointeeType();
  const CXXRecordDecl *Record = Type->getAsCXXRecordDecl();
  if (!Record)
    return nullptr;
  if (isSharedModule(Record))
    return Indirect ? Record : nullptr; // a copy is not the shared instance
  // std::shared_ptr<Module>, std::weak_ptr<Module>, boost's alike.
  const auto *Handle = llvm::dyn_cast<ClassTemplateSpecializationDecl>(Record);
  if (!Handle || !Handle->getIdentifier() ||
      !llvm::is_contained({"shared_ptr", "weak_ptr", "unique_ptr", "intrusive_ptr"},
                          Handle->getName()) ||
      Handle->getTemplateArgs().size() == 0 ||
      Handle->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return nullptr;
  const CXXRecordDecl *Pointee = Handle->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  return isSharedModule(Pointee) ? Pointee : nullptr;
}

} // namespace modlint
