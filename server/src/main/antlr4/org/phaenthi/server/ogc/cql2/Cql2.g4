/*
 * Basic CQL2 (OGC 21-065r2 §7) with the advanced comparison operators LIKE, BETWEEN and IN (§8.1), in
 * the cql2-text encoding: what the items' filter parameter takes. Spatial, temporal and array
 * operators, functions and arithmetic are not in this grammar: they are refused with a 400 naming the
 * token (Cql2Text).
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
  ;

scalar
  : propertyName   # propertyScalar
  | STRING         # stringScalar
  | NUMBER         # numberScalar
  | booleanLiteral # booleanScalar
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
