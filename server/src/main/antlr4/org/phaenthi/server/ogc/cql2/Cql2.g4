/*
 * Basic CQL2 (OGC 21-065r2 §7) with the advanced comparison operators LIKE, BETWEEN and IN (§8.1),
 * CASEI/ACCENTI (§8.2, §8.3) and the spatial functions S_INTERSECTS … S_CROSSES (§8.4, §8.5) with
 * WKT and BBOX literals, in the cql2-text encoding: what the items' filter parameter takes.
 * Temporal and array operators, other functions and arithmetic are not in this grammar: they are
 * refused with a 400 naming the token (Cql2.text).
 */
grammar Cql2;

options { caseInsensitive = true; }

filter : booleanExpression EOF ;

booleanExpression : booleanTerm (OR booleanTerm)* ;

booleanTerm : booleanFactor (AND booleanFactor)* ;

booleanFactor : NOT? booleanPrimary ;

booleanPrimary
  : LPAREN booleanExpression RPAREN # parenthesized
  | predicate                       # predicatePrimary
  | booleanLiteral                  # literalPrimary
  ;

predicate
  : scalar op=(EQ | NEQ | LT | GT | LTEQ | GTEQ) scalar    # binaryComparison
  | scalar NOT? LIKE scalar                                 # likePredicate
  | scalar NOT? BETWEEN scalar AND scalar                   # betweenPredicate
  | scalar NOT? IN LPAREN scalar (COMMA scalar)* RPAREN     # inPredicate
  | scalar IS NOT? NULL                                     # isNullPredicate
  | SPATIAL_FUNCTION LPAREN geomExpression COMMA geomExpression RPAREN # spatialPredicate
  ;

geomExpression
  : propertyName     # propertyGeometry
  | GEOMETRY_LITERAL # literalGeometry
  ;

scalar
  : propertyName   # propertyScalar
  | STRING         # stringScalar
  | NUMBER         # numberScalar
  | booleanLiteral # booleanScalar
  | fn=(CASEI | ACCENTI) LPAREN scalar RPAREN # insensitiveScalar
  ;

propertyName : IDENTIFIER | QUOTED_IDENTIFIER ;

booleanLiteral : TRUE | FALSE ;

AND : 'AND' ;
OR : 'OR' ;
NOT : 'NOT' ;
LIKE : 'LIKE' ;
BETWEEN : 'BETWEEN' ;
IN : 'IN' ;
IS : 'IS' ;
NULL : 'NULL' ;
TRUE : 'TRUE' ;
FALSE : 'FALSE' ;
CASEI : 'CASEI' ;
ACCENTI : 'ACCENTI' ;
SPATIAL_FUNCTION
  : 'S_INTERSECTS' | 'S_EQUALS' | 'S_DISJOINT' | 'S_TOUCHES' | 'S_WITHIN' | 'S_OVERLAPS'
  | 'S_CROSSES' | 'S_CONTAINS'
  ;

// a WKT geometry (2D, or Z read and dropped) or BBOX(...) as one token: JTS's WKTReader reads it
GEOMETRY_LITERAL
  : ('POINT' | 'LINESTRING' | 'POLYGON' | 'MULTIPOINT' | 'MULTILINESTRING' | 'MULTIPOLYGON'
    | 'GEOMETRYCOLLECTION' | 'BBOX') [ \t\r\n]* ('Z' [ \t\r\n]*)? PARENS
  ;

EQ : '=' ;
NEQ : '<>' ;
LTEQ : '<=' ;
GTEQ : '>=' ;
LT : '<' ;
GT : '>' ;
LPAREN : '(' ;
RPAREN : ')' ;
COMMA : ',' ;

NUMBER : [+-]? (DIGIT+ ('.' DIGIT*)? | '.' DIGIT+) ('E' [+-]? DIGIT+)? ;
STRING : '\'' (~'\'' | '\'\'')* '\'' ;
IDENTIFIER : [A-Z_] [A-Z0-9_.:]* ;
QUOTED_IDENTIFIER : '"' ~'"'+ '"' ;

WS : [ \t\r\n]+ -> skip ;

// anything else is one token, so the parser's error names it
UNKNOWN : . ;

fragment DIGIT : [0-9] ;
fragment PARENS : '(' (~[()] | PARENS)* ')' ;
