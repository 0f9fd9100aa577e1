/**
 * The architecture rules of STYLE.md, checked with ArchUnit over every module's main classes (bootstrap is
 * the one module that sees them all).
 */
package dev.vestibule.architecture;
